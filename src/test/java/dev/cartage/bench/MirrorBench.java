package dev.cartage.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.mirror.Balance;
import dev.cartage.fetch.mirror.MirrorBoard;
import dev.cartage.fetch.mirror.MirrorFetcher;
import dev.cartage.fetch.mirror.MirrorSnapshot;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Mirrors, measured (balancing and hedging): local Reactor Netty origins with controlled latency, fetched
 * through {@link MirrorFetcher} by a plain Reactor Netty client.
 *
 * <ul>
 *   <li>(b) least-loaded vs round-robin, three mirrors of which one is slow: item latency p50/p95/p99, and how the
 *       requests and the pending load spread over the mirrors.</li>
 *   <li>(c) first-response vs a single mirror when every mirror has a latency tail: p50/p99/p99.9, and what the
 *       race costs in extra requests.</li>
 * </ul>
 *
 * The client is a plain {@code HttpClient}, not the service's {@code Fetcher}: all the mirrors listen on
 * 127.0.0.1, and the fetcher's per-host politeness cap (meant for strangers' servers) would measure itself here
 * instead of the balancers. Each scenario runs once untimed (a fifth of the items) to warm up, then once measured.
 */
final class MirrorBench {

    private static final Duration FAST = Duration.ofMillis(20);
    private static final Duration SLOW = Duration.ofMillis(200);
    private static final Duration TAIL = Duration.ofMillis(500);
    private static final double TAIL_SHARE = 0.05;
    private static final int SAMPLE_MICROS = 5_000;
    /**
     * Items in flight. Kept low on purpose: the origins, the client and the timers share this JVM's cores, and at
     * 32 in flight a 2-core machine became CPU-bound, so latencies measured the CPU queue rather than the mirrors.
     */
    private static final int PARALLELISM = 8;

    private MirrorBench() {
    }

    static void run(PrintStream out, boolean quick) {
        quietNettyWarnings();
        int div = quick ? 10 : 1;
        ConnectionProvider pool = ConnectionProvider.builder("bench-mirrors").maxConnections(1024)
                .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(pool);
        MirrorFetcher fetcher = new MirrorFetcher(url -> get(client, url));
        try {
            balancers(out, fetcher, 2_000 / div, PARALLELISM);
            tails(out, fetcher, 4_000 / div, PARALLELISM);
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    // ---- (b) least-loaded vs round-robin ------------------------------------------------------------------------

    private static void balancers(PrintStream out, MirrorFetcher fetcher, int items, int parallelism) {
        List<Origin> mirrors = List.of(Origin.fixed("fast-1", FAST), Origin.fixed("fast-2", FAST),
                Origin.fixed("slow", SLOW));
        out.println("== (b) least-loaded vs round-robin: mirrors at " + FAST.toMillis() + ", " + FAST.toMillis()
                + " and " + SLOW.toMillis() + " ms; " + items + " items, parallelism " + parallelism + " ==");
        out.println();
        Table latency = new Table("balance", "items", "failed", "elapsed s", "items/s", "mean ms", "p50 ms",
                "p90 ms", "p95 ms", "p99 ms", "max ms", "other CPU");
        Table spread = new Table("balance", "mirror", "latency ms", "requests", "share", "failed", "avg pending",
                "max pending");
        try {
            for (Balance balance : List.of(Balance.LEAST_LOADED, Balance.ROUND_ROBIN)) {
                IntFunction<List<URI>> urls = i -> mirrors.stream().map(m -> m.url(i)).toList();
                measure(fetcher, balance, null, urls, items / 5, parallelism, mirrors);
                Measured m = measure(fetcher, balance, null, urls, items, parallelism, mirrors);
                latency.row(balance.wireName(), items, m.failedItems(), f3(m.seconds()), f0(items / m.seconds()),
                        f1(m.latency().getMean() / 1000), ms(m.latency(), 50), ms(m.latency(), 90), ms(m.latency(), 95), ms(m.latency(), 99), ms(m.latency(), 100),
                        f2(m.foreignCores()));
                for (Origin mirror : mirrors) {
                    MirrorSnapshot counts = m.counts().get(mirror.origin());
                    long requests = counts == null ? 0 : counts.completed() + counts.failed() + counts.cancelled();
                    spread.row(balance.wireName(), mirror.name(), mirror.describe(), requests,
                            String.format(Locale.ROOT, "%.1f%%", 100.0 * requests / items),
                            counts == null ? 0 : counts.failed(), f1(m.pending().average(mirror.origin())), m.pending().max(mirror.origin()));
                }
            }
        } finally {
            mirrors.forEach(Origin::close);
        }
        latency.print(out);
        out.println();
        spread.print(out);
        out.println("avg/max pending: the run board's pending count per mirror, sampled every "
                + SAMPLE_MICROS / 1000 + " ms; other CPU = cores used by other processes meanwhile.");
        out.println();
    }

    // ---- (c) first-response vs one mirror -----------------------------------------------------------------------

    private static void tails(PrintStream out, MirrorFetcher fetcher, int items, int parallelism) {
        List<Origin> mirrors = List.of(Origin.tailed("m1", 1), Origin.tailed("m2", 2), Origin.tailed("m3", 3));
        out.println("== (c) first-response vs one mirror: each mirror answers in " + FAST.toMillis() + " ms, "
                + String.format(Locale.ROOT, "%.0f%%", TAIL_SHARE * 100) + " of its requests (independently) in "
                + TAIL.toMillis() + " ms; " + items + " items, parallelism " + parallelism + " ==");
        out.println();
        record Strategy(String name, int mirrors, Duration hedgeAfter) {
        }
        List<Strategy> strategies = List.of(
                new Strategy("single mirror", 1, null),
                new Strategy("first-response, 2 mirrors", 2, null),
                new Strategy("first-response, 3 mirrors", 3, null),
                new Strategy("first-response, 2 mirrors, hedgeAfter 50ms", 2, Duration.ofMillis(50)));
        Table table = new Table("strategy", "items", "failed", "elapsed s", "items/s", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms", "requests/item", "cancelled/item", "failed requests", "other CPU");
        try {
            for (Strategy s : strategies) {
                List<Origin> used = mirrors.subList(0, s.mirrors());
                IntFunction<List<URI>> urls = i -> used.stream().map(m -> m.url(i)).toList();
                measure(fetcher, Balance.FIRST_RESPONSE, s.hedgeAfter(), urls, items / 5, parallelism, used);
                Measured m = measure(fetcher, Balance.FIRST_RESPONSE, s.hedgeAfter(), urls, items, parallelism, used);
                long requests = m.counts().values().stream()
                        .mapToLong(c -> c.completed() + c.failed() + c.cancelled()).sum();
                long cancelled = m.counts().values().stream().mapToLong(MirrorSnapshot::cancelled).sum();
                long failed = m.counts().values().stream().mapToLong(MirrorSnapshot::failed).sum();
                table.row(s.name(), items, m.failedItems(), f3(m.seconds()), f0(items / m.seconds()), ms(m.latency(), 50),
                        ms(m.latency(), 90), ms(m.latency(), 99), ms(m.latency(), 99.9), ms(m.latency(), 100),
                        f2(requests / (double) items), f2(cancelled / (double) items), failed, f2(m.foreignCores()));
            }
        } finally {
            mirrors.forEach(Origin::close);
        }
        table.print(out);
        out.println("requests/item: requests sent to mirrors per item (the race's cost); cancelled/item: losers"
                + " cancelled (their connections closed); failed requests: mirror requests that ended in an error"
                + " (an item fails only if all its mirrors do).");
        out.println();
    }

    // ---- one measured run ---------------------------------------------------------------------------------------

    private record Measured(double seconds, Histogram latency, Map<String, MirrorSnapshot> counts,
                            PendingSampler pending, long failedItems, double foreignCores) {
    }

    private static Measured measure(MirrorFetcher fetcher, Balance balance, Duration hedgeAfter,
                                    IntFunction<List<URI>> urls, int items, int parallelism, List<Origin> mirrors) {
        MirrorBoard board = new MirrorBoard();
        Histogram latency = new ConcurrentHistogram(Duration.ofMinutes(1).toNanos() / 1_000, 3);
        PendingSampler sampler = new PendingSampler(board, mirrors);
        ForeignLoad load = ForeignLoad.start();
        sampler.start();
        long start = System.nanoTime();
        AtomicLong failed = new AtomicLong();
        Long done = Flux.range(0, items)
                .flatMap(i -> timed(fetcher.fetch(urls.apply(i), balance, hedgeAfter, board), latency)
                        .onErrorResume(error -> {
                            failed.incrementAndGet();
                            return Mono.empty();
                        }), parallelism)
                .count()
                .block(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.finish();
        load.close();
        if (done == null || done + failed.get() != items) {
            throw new IllegalStateException("expected " + items + " outcomes, got " + done + " + " + failed + " failed");
        }
        Map<String, MirrorSnapshot> counts = new java.util.HashMap<>();
        board.snapshot().forEach(s -> counts.put(s.origin(), s));
        return new Measured(seconds, latency, counts, sampler, failed.get(), load.cores());
    }

    private static Mono<Fetched> timed(Mono<Fetched> fetch, Histogram latency) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return fetch.doOnNext(page -> latency.recordValue((System.nanoTime() - start) / 1_000));
        });
    }

    private static Mono<Fetched> get(HttpClient client, URI url) {
        return client.get().uri(url)
                .responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> new Fetched(url, response.status().code(), "text/html", bytes)));
    }

    // ---- the origins --------------------------------------------------------------------------------------------

    /** One local mirror on its own port (so its own origin); its latency chosen per request by {@code delay}. */
    private static final class Origin implements AutoCloseable {
        private final String name;
        private final String describe;
        private final DisposableServer server;

        private Origin(String name, String describe, LongSupplier delayMillis) {
            this.name = name;
            this.describe = describe;
            this.server = HttpServer.create().host("127.0.0.1").port(0)
                    // the delay sits inside the body publisher: if the client gives up meanwhile, Reactor Netty
                    // cancels it before any buffer is allocated (a delay in front of sendString leaked the buffer)
                    .route(routes -> routes.get("/x/{n}", (request, response) -> response.header("Content-Type", "text/html")
                            .sendString(Mono.delay(Duration.ofMillis(delayMillis.getAsLong()))
                                    .map(tick -> "<html><title>x" + request.param("n") + "</title></html>"))))
                    .bindNow();
        }

        static Origin fixed(String name, Duration latency) {
            long millis = latency.toMillis();
            return new Origin(name, Long.toString(millis), () -> millis);
        }

        /** {@link #FAST}, except a {@link #TAIL_SHARE} of requests chosen by a seeded generator take {@link #TAIL}. */
        static Origin tailed(String name, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return new Origin(name, FAST.toMillis() + " / " + TAIL.toMillis(), () -> {
                double draw;
                synchronized (random) {
                    draw = random.nextDouble();
                }
                return draw < TAIL_SHARE ? TAIL.toMillis() : FAST.toMillis();
            });
        }

        String name() {
            return name;
        }

        String describe() {
            return describe;
        }

        String origin() {
            return "http://127.0.0.1:" + server.port();
        }

        URI url(int item) {
            return URI.create(origin() + "/x/" + item);
        }

        @Override
        public void close() {
            server.disposeNow();
        }
    }

    /** Samples the board's pending count per mirror on a daemon thread, for the average and peak load. */
    private static final class PendingSampler extends Thread {
        private final MirrorBoard board;
        private final List<String> origins = new ArrayList<>();
        private final double[] sum;
        private final long[] max;
        private final AtomicLong samples = new AtomicLong();
        private volatile boolean stop;

        PendingSampler(MirrorBoard board, List<Origin> mirrors) {
            super("mirror-bench-sampler");
            setDaemon(true);
            this.board = board;
            mirrors.forEach(m -> origins.add(m.origin()));
            this.sum = new double[origins.size()];
            this.max = new long[origins.size()];
        }

        @Override
        public void run() {
            while (!stop) {
                LockSupport.parkNanos(SAMPLE_MICROS * 1_000L);
                for (MirrorSnapshot s : board.snapshot()) {
                    int i = origins.indexOf(s.origin());
                    if (i >= 0) {
                        sum[i] += s.pending();
                        max[i] = Math.max(max[i], s.pending());
                    }
                }
                samples.incrementAndGet();
            }
        }

        void finish() {
            stop = true;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        double average(String origin) {
            return sum[origins.indexOf(origin)] / Math.max(1, samples.get());
        }

        long max(String origin) {
            return max[origins.indexOf(origin)];
        }
    }

    /**
     * Cancelling a request whose connection is still being opened makes Reactor Netty log a WARN with a stack
     * trace ("The connection observed an error", NotYetConnectedException / PrematureCloseException); first-response
     * does that on purpose hundreds of times, and the traces would bury the tables.
     */
    private static void quietNettyWarnings() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("reactor.netty.http.client"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    // ---- formatting ---------------------------------------------------------------------------------------------

    private static String ms(Histogram histogram, double percentile) {
        long micros = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
