package dev.cartage.fetch.mirror;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

/**
 * One run's mirror state: a balancer per origin set (so that all the items of a run that share mirrors are
 * balanced together) and a request tally per origin (what {@code GET /api/runs/{id}} shows as {@code mirrors}).
 *
 * <p>It lives as long as its run: the run service creates one per run and closes the fetch stage over it, because
 * a {@code SourceItem} is built by the source expander and cannot carry per-run state. Its size is bounded by the
 * run's sources (each mirrored entry adds at most its own origins), so it needs no eviction.
 */
public final class MirrorBoard {

    private final Map<String, MirrorGroup> groups = new ConcurrentHashMap<>();
    private final Map<String, OriginTally> tallies = new ConcurrentHashMap<>();
    private final MirrorMetrics metrics;

    /** A board that also reports to the service-wide {@code metrics}. */
    public MirrorBoard(MirrorMetrics metrics) {
        this.metrics = metrics;
    }

    /** A board that reports nowhere else (tests, benchmarks). */
    public MirrorBoard() {
        this(null);
    }

    /** Each origin's counts so far, ordered by origin; empty for a run without mirrored sources. */
    public List<MirrorSnapshot> snapshot() {
        return tallies.values().stream()
                .map(OriginTally::snapshot)
                .sorted(Comparator.comparing(MirrorSnapshot::origin))
                .toList();
    }

    MirrorGroup group(OriginSet origins) {
        return groups.computeIfAbsent(origins.key(), key -> new MirrorGroup(origins.size()));
    }

    /**
     * {@code request} counted against {@code origin}: pending from subscription until it ends, then completed,
     * failed or cancelled; {@code onEnd} runs exactly once at that moment (a balancer's completion).
     *
     * <p>The end is taken from the signal itself ({@code doOnSuccess}/{@code doOnError}, which run before the
     * downstream sees the signal), not from {@code doFinally}, which runs after it: by then the stage may already
     * have started its next item, and a least-loaded dispatch would see this request as still pending. A cancel
     * that follows a success (a first-response race cancels everything once it has its winner) finds the request
     * already ended and changes nothing.
     */
    <T> Mono<T> track(String origin, Mono<T> request, Runnable onEnd) {
        return Mono.defer(() -> {
            OriginTally tally = tallies.computeIfAbsent(origin, OriginTally::new);
            AtomicBoolean ended = new AtomicBoolean();
            tally.started();
            if (metrics != null) {
                metrics.started(origin);
            }
            Runnable completed = () -> end(ended, tally, origin, RequestEnd.COMPLETED, onEnd);
            return request
                    .doOnSuccess(answer -> completed.run())
                    .doOnError(error -> end(ended, tally, origin, RequestEnd.FAILED, onEnd))
                    .doOnCancel(() -> end(ended, tally, origin, RequestEnd.CANCELLED, onEnd));
        });
    }

    private void end(AtomicBoolean ended, OriginTally tally, String origin, RequestEnd end, Runnable onEnd) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        tally.ended(end);
        if (metrics != null) {
            metrics.ended(origin, end);
        }
        onEnd.run();
    }
}
