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
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StageSpec;
import reactor.core.publisher.Flux;

/**
 * The fetch stage alone against the pile served by the packaged service (a separate process, as
 * deployed), at 50 ms latency and parallelism 16, 64, 256. Ideal throughput is {@code p / latency}. Two further
 * bounds explain a shortfall: Little's law with the real one-at-a-time round trip R1 ({@code p / R1}: latency plus
 * the pile's and the client's own time per page), and the CPU ceiling (cores ÷ CPU-seconds per page, both
 * processes together). Connection reuse is shown as requests per connection the client's pool opened.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package && ./mvnw -B -q -Pbench exec:exec -Dbench=fetch
 * </pre>
 */
final class FetchBench {

    static final Duration LATENCY = Duration.ofMillis(50);
    static final int[] PARALLELISM = {16, 64, 256};
    static final double SECONDS_PER_CASE = 10;
    static final com.sun.management.OperatingSystemMXBean OWN =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

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
        int cores = Runtime.getRuntime().availableProcessors();
        try (E2eService pile = E2eService.start(jar, jvmArgs, logDir.resolve("fetch-bench-service.log"));
             TestFetchers.Built client = TestFetchers.create(properties)) {
            String base = pile.base().toString();
            out.printf("Fetch bench: fetch stage alone (this JVM) against the pile of %s (separate process, %s), "
                    + "%d cores, java %s%n", jar.getFileName(), jvmArgs, cores, System.getProperty("java.version"));
            measure(client, pile, base, 64, 10_000); // warm-up: JIT in both processes
            // one request at a time: the real round trip R1 = latency + the pile's and the client's own time
            Result single = measure(client, pile, base, 1, 300);
            double r1 = single.seconds() / single.pages();
            List<Result> results = new ArrayList<>();
            for (int p : PARALLELISM) {
                double ideal = p / (LATENCY.toNanos() / 1e9);
                int items = (int) Math.min(60_000, Math.max(2_000, ideal * SECONDS_PER_CASE));
                results.add(measure(client, pile, base, p, items));
            }
            Table table = new Table("p", "pages", "failed", "seconds", "pages/s", "ideal p/L", "÷ ideal",
                    "p/R1", "÷ p/R1", "CPU ms/page", "CPU ceiling", "÷ min(p/R1, ceiling)", "new connections",
                    "requests/connection");
            for (Result r : results) {
                double ideal = r.parallelism() / (LATENCY.toNanos() / 1e9);
                double littles = r.parallelism() / r1;
                double cpuPerPage = r.cpuSeconds() / r.pages();
                double ceiling = cores / cpuPerPage;
                double rate = r.pagesPerSecond();
                table.row(Integer.toString(r.parallelism()), Long.toString(r.pages()), Long.toString(r.failed()),
                        LittleBench.f1(r.seconds()), LittleBench.f0(rate), LittleBench.f0(ideal),
                        LittleBench.f3(rate / ideal), LittleBench.f0(littles), LittleBench.f3(rate / littles),
                        LittleBench.f2(cpuPerPage * 1000), LittleBench.f0(ceiling),
                        LittleBench.f3(rate / Math.min(littles, ceiling)), Long.toString(r.connections()),
                        LittleBench.f1((double) r.pages() / Math.max(1, r.connections())));
            }
            table.print(out);
            fixedOrigin(out, client, pile);
            out.printf("R1 = %.2f ms per page one at a time (latency %d ms + the pile's and the client's own time); "
                    + "CPU = this JVM + the service process, per page; ceiling = %d cores / CPU per page; "
                    + "new connections = opened by the client's pool during the case (the warm-up opened 64)%n",
                    r1 * 1000, LATENCY.toMillis(), cores);
        }
    }

    /**
     * The same fetch against an origin that does nothing but wait {@link #LATENCY} and send a fixed 8 KB page
     * (Reactor Netty, in this JVM): separates what the fetch stage costs from what the pile's page generation costs.
     */
    private static void fixedOrigin(PrintStream out, TestFetchers.Built client, E2eService pile) throws IOException {
        String page = "<html><body>" + "<p>fixed page</p>".repeat(470) + "</body></html>";
        reactor.netty.DisposableServer origin = reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/page/{n}", (request, response) -> response
                        .header("Content-Type", "text/html;charset=UTF-8")
                        .sendString(reactor.core.publisher.Mono.delay(LATENCY).thenReturn(page))))
                .bindNow();
        try {
            String base = "http://127.0.0.1:" + origin.port() + "/page/";
            measure(client, pile, 64, 5_000, n -> base + n); // warm-up
            Result single = measure(client, pile, 1, 300, n -> base + n);
            double r1 = single.seconds() / single.pages();
            Table table = new Table("fixed-page origin, p", "pages", "failed", "pages/s", "ideal p/L", "÷ ideal",
                    "p/R1", "÷ p/R1");
            for (int p : PARALLELISM) {
                double ideal = p / (LATENCY.toNanos() / 1e9);
                int items = (int) Math.min(60_000, Math.max(2_000, ideal * SECONDS_PER_CASE));
                Result r = measure(client, pile, p, items, n -> base + n);
                table.row(Integer.toString(p), Long.toString(r.pages()), Long.toString(r.failed()),
                        LittleBench.f0(r.pagesPerSecond()), LittleBench.f0(ideal),
                        LittleBench.f3(r.pagesPerSecond() / ideal), LittleBench.f0(p / r1),
                        LittleBench.f3(r.pagesPerSecond() / (p / r1)));
            }
            out.println();
            table.print(out);
            out.printf("fixed-page origin: R1 = %.2f ms one at a time%n", r1 * 1000);
        } finally {
            origin.disposeNow();
        }
    }

    private static Result measure(TestFetchers.Built client, E2eService pile, String base, int p, int items)
            throws IOException {
        String parameters = "?seed=1&latency=" + LATENCY.toMillis() + "ms&failEvery=0";
        return measure(client, pile, p, items, n -> base + "/pile/manuals/" + n + parameters);
    }

    private static Result measure(TestFetchers.Built client, E2eService pile, int p, int items,
                                  java.util.function.IntFunction<String> url) throws IOException {
        Pipeline<URI, Fetched> fetchOnly = Pipeline.<URI>builder()
                .then(StageSpec.<URI, Fetched>io(Stage.FETCH,
                        new StageSettings(p, p, Overflow.BACKPRESSURE, Duration.ofSeconds(30), 0),
                        client.fetcher()::fetch))
                .build(false);
        Flux<Envelope<URI>> pages = Flux.range(0, items)
                .map(n -> URI.create(url.apply(n)))
                .map(address -> Envelope.of(0, address.toString(), address));
        AtomicLong failed = new AtomicLong();
        long connectionsBefore = client.connections().connectionsOpened();
        long serviceTicks = pile.cpuTicks();
        long ownCpu = OWN.getProcessCpuTime();
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
        double cpu = (OWN.getProcessCpuTime() - ownCpu) / 1e9
                + (pile.cpuTicks() - serviceTicks) / (double) E2eBench.CLOCK_TICKS;
        return new Result(p, count == null ? 0 : count, failed.get(), seconds, cpu,
                client.connections().connectionsOpened() - connectionsBefore);
    }

    record Result(int parallelism, long pages, long failed, double seconds, double cpuSeconds, long connections) {
        double pagesPerSecond() {
            return (pages - failed) / seconds;
        }
    }
}
