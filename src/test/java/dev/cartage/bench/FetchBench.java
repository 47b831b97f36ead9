package dev.cartage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.TestFetchers;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Overflow;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StageSpec;
import reactor.core.publisher.Flux;

/**
 * Issue 3, 5(a): the fetch stage alone against the pile served by the packaged service (a separate process, as
 * deployed), at 50 ms latency and parallelism 16, 64, 256. Ideal throughput is {@code p / latency}; the CPU
 * ceiling is the same fetch at zero latency (both processes share the machine's cores), so the goal — achieved ÷
 * ideal ≥ 0.95 — is read against {@code min(ideal, ceiling)} once the CPU bounds it. Connection reuse is shown as
 * requests per connection opened by the client's pool.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package && ./mvnw -B -q -Pbench exec:exec -Dbench=fetch
 * </pre>
 */
final class FetchBench {

    static final Duration LATENCY = Duration.ofMillis(50);
    static final int[] PARALLELISM = {16, 64, 256};
    static final double SECONDS_PER_CASE = 10;

    private FetchBench() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    static void run(PrintStream out) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/cartage-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first with ./mvnw -B -q -DskipTests package");
        }
        Path logDir = Path.of("target/e2e").toAbsolutePath();
        Files.createDirectories(logDir);
        List<String> jvmArgs = Arrays.stream(E2eBench.DEPLOYED_JVM_ARGS.split("\\s+")).toList();
        FetchProperties properties = new FetchProperties("Cartage-Bench/1", Duration.ofSeconds(5),
                DataSize.ofMegabytes(10), 5, 1024);
        try (E2eService pile = E2eService.start(jar, jvmArgs, logDir.resolve("fetch-bench-service.log"));
             TestFetchers.Built client = TestFetchers.create(properties)) {
            String base = pile.base().toString();
            out.printf("Fetch bench: fetch stage alone (this JVM) against the pile of %s (separate process, %s), "
                    + "%d cores, java %s%n", jar.getFileName(), jvmArgs, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            measure(client, base, 64, Duration.ZERO, 5_000); // warm-up: JIT in both processes
            Result ceiling = measure(client, base, 64, Duration.ZERO, 20_000);
            List<Result> results = new ArrayList<>();
            for (int p : PARALLELISM) {
                double ideal = p / (LATENCY.toNanos() / 1e9);
                int items = (int) Math.min(60_000, Math.max(2_000, ideal * SECONDS_PER_CASE));
                results.add(measure(client, base, p, LATENCY, items));
            }
            Table table = new Table("case", "pages", "failed", "seconds", "pages/s", "ideal p/L", "÷ ideal",
                    "bound min(ideal, ceiling)", "÷ bound", "connections opened", "requests/connection");
            row(table, "ceiling: p=64, latency 0", ceiling, Double.NaN, ceiling.pagesPerSecond());
            for (Result r : results) {
                double ideal = r.parallelism() / (LATENCY.toNanos() / 1e9);
                row(table, "p=" + r.parallelism() + ", latency " + LATENCY.toMillis() + " ms", r, ideal,
                        Math.min(ideal, ceiling.pagesPerSecond()));
            }
            table.print(out);
        }
    }

    private static void row(Table table, String name, Result r, double ideal, double bound) {
        table.row(name, Long.toString(r.pages()), Long.toString(r.failed()), LittleBench.f1(r.seconds()),
                LittleBench.f0(r.pagesPerSecond()), Double.isNaN(ideal) ? "–" : LittleBench.f0(ideal),
                Double.isNaN(ideal) ? "–" : LittleBench.f3(r.pagesPerSecond() / ideal), LittleBench.f0(bound),
                LittleBench.f3(r.pagesPerSecond() / bound), Long.toString(r.connections()),
                LittleBench.f1((double) r.pages() / Math.max(1, r.connections())));
    }

    private static Result measure(TestFetchers.Built client, String base, int p, Duration latency, int items) {
        String parameters = "?seed=1&latency=" + latency.toMillis() + "ms&failEvery=0";
        Pipeline<URI, Fetched> fetchOnly = Pipeline.<URI>builder()
                .then(StageSpec.<URI, Fetched>io("fetch",
                        new StageSettings(p, p, Overflow.BACKPRESSURE, Duration.ofSeconds(30), 0),
                        client.fetcher()::fetch))
                .build(false);
        Flux<Envelope<URI>> pages = Flux.range(0, items)
                .map(n -> URI.create(base + "/pile/manuals/" + n + parameters))
                .map(url -> Envelope.of(0, url.toString(), url));
        AtomicLong failed = new AtomicLong();
        long connectionsBefore = client.connections().connectionsOpened();
        long start = System.nanoTime();
        Long count = fetchOnly.run(pages)
                .doOnNext(outcome -> {
                    if (outcome.isFailed()) {
                        failed.incrementAndGet();
                    }
                })
                .count()
                .block(); // a bench driver, not service code
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(p, count == null ? 0 : count, failed.get(), seconds,
                client.connections().connectionsOpened() - connectionsBefore);
    }

    record Result(int parallelism, long pages, long failed, double seconds, long connections) {
        double pagesPerSecond() {
            return (pages - failed) / seconds;
        }
    }
}
