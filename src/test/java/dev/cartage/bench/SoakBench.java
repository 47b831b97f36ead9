package dev.cartage.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The soak: the packaged service as a separate process under {@value #CLIENTS} concurrent
 * {@code /api/render} clients on pile pages plus {@value #RUNS} concurrent runs of {@value SoakRun#PAGES} pile pages
 * with {@code failEvery: 10}, for about {@code soak.seconds} (default 60) seconds; then the checks of the issue:
 * zero 500s from the service, zero 5xx on {@code /api/render}, exactly 5,000 outcomes per run with exactly 500
 * failed, RSS in the last 20 s within 20% of the first 20 s, client connections back to zero afterwards.
 *
 * <p>The render clients keep going for {@code soak.seconds} and, if the runs take longer, until the last run ended,
 * so that both loads overlap all the time; a trio of runs that ends early is followed by another while the next
 * would still fit mostly into the window. Every request goes through one Reactor Netty client ({@link SoakClient}).
 * The service runs as deployed ({@link E2eBench#DEPLOYED_JVM_ARGS}); its log is {@code target/soak/service-<time>.log}.
 *
 * <p>Needs the jar ({@code ./mvnw -B -q -o -DskipTests package}). Settings (system properties): {@code soak.seconds}
 * (60), {@code soak.warmup} (0: seconds of render load before the measured window, not counted), {@code soak.jar}
 * (default {@code target/cartage-0.1.0-SNAPSHOT.jar}), {@code soak.jvmArgs} (the service's, default the deployed
 * ones), {@code soak.quietWait} (300 s: how long to wait first for other processes to calm down), {@code soak.nmt} (false; true: the service runs with Native Memory Tracking and the report ends with what
 * each memory area grew by during the load — to tell heap growth from other memory). Goals are printed PASS or MISS; the exit code does not depend
 * on them.
 */
public final class SoakBench {

    static final int CLIENTS = 100;
    static final int RUNS = 3;
    static final Duration LIMIT = Duration.ofMinutes(15);
    static final Duration DRAIN = Duration.ofSeconds(10);
    /** Before starting, wait up to this long for other processes to use less than QUIET_CORES (shared machine). */
    static final int QUIET_WAIT_SECONDS = Integer.getInteger("soak.quietWait", 300);
    static final double QUIET_CORES = 0.3;

    private SoakBench() {
    }

    public static void run(PrintStream out) throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 60);
        int warmup = Integer.getInteger("soak.warmup", 0);
        Path jar = Path.of(System.getProperty("soak.jar", "target/cartage-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first with "
                    + "./mvnw -B -q -o -DskipTests package (or name it with -Dsoak.jar=...)");
        }
        Path log = Path.of("target", "soak", "service-" + Instant.now().toString().replace(':', '-') + ".log")
                .toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> jvmArgs = new ArrayList<>(Arrays.asList(System.getProperty("soak.jvmArgs",
                E2eBench.DEPLOYED_JVM_ARGS).trim().split("\\s+")));
        boolean nmt = Boolean.getBoolean("soak.nmt");
        if (nmt) {
            jvmArgs.add("-XX:NativeMemoryTracking=summary");
        }
        double quiet = ForeignLoad.awaitQuiet(QUIET_CORES, QUIET_WAIT_SECONDS);
        out.printf("Soak: %s, %d s (+%d s warm-up), %d render clients + %d runs of %d pile pages (failEvery %d); "
                        + "service JVM args %s; %d cores; started %s; load average %s; other processes %.2f cores just before "
                        + "(waited up to %d s for < %.2f)%n%n", jar.getFileName(),
                seconds, warmup, CLIENTS, RUNS, SoakRun.PAGES, SoakRun.FAIL_EVERY, jvmArgs,
                Runtime.getRuntime().availableProcessors(), Instant.now(), ForeignLoad.loadAverage(), quiet,
                QUIET_WAIT_SECONDS, QUIET_CORES);
        try (E2eService service = E2eService.start(jar, jvmArgs, log)) {
            String base = service.base().toString();
            int port = service.base().getPort();
            SoakClient client = new SoakClient(base, 2 * CLIENTS);
            SoakRender render = new SoakRender(client, base, CLIENTS);
            if (warmup > 0) {
                long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
                render.count(false);
                render.load(() -> System.nanoTime() < warmEnd).block(LIMIT);
            }
            render.count(true);

            SoakMemory memory = new SoakMemory(service.pid(), client);
            ForeignLoad foreign = ForeignLoad.start();
            AtomicBoolean runsEnded = new AtomicBoolean();
            long start = System.nanoTime();
            long minimumEnd = start + seconds * 1_000_000_000L;
            long hardEnd = start + LIMIT.toNanos();
            memory.start();
            SoakNmt nativeMemory = nmt ? SoakNmt.baseline(service.pid()) : null;
            CompletableFuture<Void> rendering = render.load(() -> System.nanoTime() < hardEnd
                    && (System.nanoTime() < minimumEnd || !runsEnded.get())).toFuture();
            List<SoakRun.Checked> runs = trios(client, seconds, start);
            double runsSeconds = (System.nanoTime() - start) / 1e9;
            runsEnded.set(true);
            while (System.nanoTime() < minimumEnd && !rendering.isDone()) {
                Thread.sleep(100); // the render clients go on until the window's end in any case
            }
            List<String> stragglers = SoakStragglers.await(rendering, render, client, service.pid(),
                    log.getParent(), LIMIT);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            memory.close();
            foreign.close();
            String nativeDiff = nativeMemory == null ? null : nativeMemory.diff();

            SoakReport.After after = afterwards(service, client, port);
            new SoakReport(seconds, loadSeconds, runsSeconds, render, runs, memory.samples(), client, after,
                    foreign, log).print(out);
            stragglers.forEach(line -> out.println("Straggler: " + line));
            if (nativeDiff != null) {
                out.println();
                out.println("Native memory since the start of the load (NMT summary.diff, committed):");
                out.println(nativeDiff);
            }
        }
    }

    /** Trios of runs, one after the other, while another trio would still end mostly inside the window. */
    private static List<SoakRun.Checked> trios(SoakClient client, int seconds, long start) throws Exception {
        List<SoakRun.Checked> all = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(RUNS);
        try {
            for (int trio = 1; ; trio++) {
                long trioStart = System.nanoTime();
                List<Future<SoakRun.Checked>> running = new ArrayList<>();
                for (int r = 0; r < RUNS; r++) {
                    int number = trio;
                    running.add(threads.submit(() -> SoakRun.runAndCheck(client, number)));
                }
                for (Future<SoakRun.Checked> run : running) {
                    all.add(run.get());
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                double trioSeconds = (System.nanoTime() - trioStart) / 1e9;
                if (elapsed + trioSeconds / 2 >= seconds) {
                    return all;
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The connection figures after the load: waits up to {@link #DRAIN} for the service's fetch pool to have no
     * active connection, reads its counters and sockets, the live heap after a full GC, then closes the bench's
     * client and counts what it still has open.
     */
    private static SoakReport.After afterwards(E2eService service, SoakClient client, int port) throws Exception {
        long drainStart = System.nanoTime();
        Map<String, String> fetchPool = Map.of("name", "cartage-fetch");
        String metrics = SoakConnections.prometheus(client);
        double fetchActive = SoakConnections.sum(metrics, "reactor_netty_connection_provider_active_connections",
                fetchPool);
        while (!(fetchActive == 0) && System.nanoTime() - drainStart < DRAIN.toNanos()) {
            Thread.sleep(250);
            metrics = SoakConnections.prometheus(client);
            fetchActive = SoakConnections.sum(metrics, "reactor_netty_connection_provider_active_connections",
                    fetchPool);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        double fetchIdle = SoakConnections.sum(metrics, "reactor_netty_connection_provider_idle_connections",
                fetchPool);
        double serverActive = SoakConnections.sum(metrics, "reactor_netty_http_server_connections_active", Map.of());
        long liveHeapKb = liveHeapAfterFullGcKb(service.pid(), client);
        int acquiredBefore = client.acquired();

        client.close();
        long closeStart = System.nanoTime();
        while (client.openChannels() > 0 && System.nanoTime() - closeStart < DRAIN.toNanos()) {
            Thread.sleep(100);
        }
        SoakConnections.Sockets serviceSockets = SoakConnections.sockets(service.pid(), port);
        SoakConnections.Sockets benchSockets = SoakConnections.sockets(ProcessHandle.current().pid(), port);
        return new SoakReport.After(fetchActive, fetchIdle, drainSeconds, serverActive, serviceSockets,
                SoakConnections.serverErrors(metrics), liveHeapKb, acquiredBefore, client.acquired(),
                client.allocated(), client.openChannels(), client.openedChannels(), benchSockets);
    }

    /** The service's heap in use right after a full GC ({@code jcmd <pid> GC.run}), in kB; -1 if unknown. */
    private static long liveHeapAfterFullGcKb(long pid, SoakClient client) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            gc.destroyForcibly();
            return -1;
        }
        SoakClient.Answer answer = client.get("/actuator/metrics/jvm.memory.used?tag=area:heap", "actuator")
                .block(Duration.ofSeconds(30));
        if (answer == null || answer.status() != 200) {
            return -1;
        }
        for (var m : E2eBench.JSON.readTree(answer.body()).path("measurements")) {
            if ("VALUE".equals(m.path("statistic").asString())) {
                return (long) (m.path("value").asDouble() / 1024);
            }
        }
        return -1;
    }
}
