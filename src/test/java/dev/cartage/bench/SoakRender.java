package dev.cartage.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.ConcurrentHistogram;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The soak's render load: {@code clients} concurrent loops, each asking {@code GET /api/render} for a pile page
 * ({@code /pile/manuals/{n}?latency=20ms}, n random in 0 … {@link #PAGES}-1; these pages never fail) as Markdown,
 * one request after the other, for as long as {@code keepGoing} says. Counts answers by status class, transport
 * errors (no answer at all), and records each answer's latency; keeps the first few non-2xx answers to show why.
 */
final class SoakRender {

    static final int PAGES = 10_000;
    private static final int KEPT_PROBLEMS = 8;

    private final SoakClient client;
    private final String pileBase;
    private final int clients;
    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final Map<Integer, LongAdder> byClass = new ConcurrentHashMap<>();
    private final LongAdder fiveHundreds = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong requestIds = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean counting;

    SoakRender(SoakClient client, String pileBase, int clients) {
        this.client = client;
        this.pileBase = pileBase;
        this.clients = clients;
    }

    /**
     * The load: completes when every loop has seen {@code keepGoing} false after its last answer. Answers count
     * only while {@link #count} is on (off during a warm-up).
     */
    Mono<Void> load(BooleanSupplier keepGoing) {
        return Flux.range(0, clients)
                .flatMap(c -> Mono.defer(this::once).repeat(keepGoing), clients)
                .then();
    }

    void count(boolean on) {
        counting = on;
    }

    private Mono<Void> once() {
        String page = pileBase + "/pile/manuals/" + ThreadLocalRandom.current().nextInt(PAGES) + "?latency=20ms";
        String uri = "/api/render?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8) + "&format=markdown";
        long id = requestIds.incrementAndGet();
        long start = System.nanoTime();
        return client.get(uri, "render")
                .doOnSubscribe(s -> inFlight.put(id, start + " " + uri))
                .doFinally(signal -> inFlight.remove(id))
                .doOnNext(answer -> {
                    if (!counting) {
                        return;
                    }
                    latencyMicros.recordValue(Math.max(1, answer.nanos() / 1_000));
                    byClass.computeIfAbsent(answer.status() / 100, k -> new LongAdder()).increment();
                    if (answer.status() == 500) {
                        fiveHundreds.increment();
                    }
                    if (answer.status() / 100 != 2 && problems.size() < KEPT_PROBLEMS) {
                        problems.add(answer.status() + " " + oneLine(answer.body()));
                    }
                })
                .onErrorResume(error -> {
                    if (counting) {
                        transportErrors.increment();
                        if (problems.size() < KEPT_PROBLEMS) {
                            problems.add("no answer: " + error);
                        }
                    }
                    return Mono.empty();
                })
                .then();
    }

    private static String oneLine(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    long total() {
        return byClass.values().stream().mapToLong(LongAdder::sum).sum() + transportErrors.sum();
    }

    long ofClass(int hundreds) {
        LongAdder n = byClass.get(hundreds);
        return n == null ? 0 : n.sum();
    }

    long fiveHundreds() {
        return fiveHundreds.sum();
    }

    long transportErrors() {
        return transportErrors.sum();
    }

    /** Latency percentile in milliseconds, of the requests that got an answer. */
    double percentileMs(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The requests still waiting for their answer: "{seconds waited} s {uri}". */
    List<String> inFlight() {
        long now = System.nanoTime();
        return inFlight.values().stream().map(entry -> {
            String[] startAndUri = entry.split(" ", 2);
            return String.format(java.util.Locale.ROOT, "%.1f s %s",
                    (now - Long.parseLong(startAndUri[0])) / 1e9, startAndUri[1]);
        }).sorted().toList();
    }

    Iterable<String> problems() {
        return problems;
    }
}
