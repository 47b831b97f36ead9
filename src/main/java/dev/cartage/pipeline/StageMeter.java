package dev.cartage.pipeline;

import org.HdrHistogram.Histogram;

/**
 * The live counters of one stage in one run, readable from any thread while the run goes. The meter only
 * observes: the stage keeps its own control state (what is in flight, what it asked for) and never reads a
 * counter back to decide anything.
 *
 * <p>Only the stage's drain loop writes the counters, and the operator serialises that loop, so there is one
 * writer at a time and no counter needs to be atomic. Readers never see the counters themselves: the drain loop
 * publishes an immutable {@link StageSnapshot} whenever it goes idle, at most every 20 ms while it is busy, and
 * when the stage ends. A snapshot is therefore always consistent ({@code received = completed + failed + dropped
 * + cancelled + inFlight} holds in every one), exact once the stage is idle, and at most 20 ms old while it is busy.
 */
public final class StageMeter {

    private static final long BUSY_PUBLISH_NANOS = 20_000_000L;
    private static final long LATENCY_REFRESH_NANOS = 100_000_000L;
    /** One hour in microseconds: a fixed range, so the histogram never resizes under a reader's feet. */
    private static final long MAX_LATENCY_MICROS = 3_600_000_000L;

    private final Stage stage;
    private final int parallelism;
    private final int buffer;

    private long received;
    private long completed;
    private long failed;
    private long dropped;
    private long cancelled;
    private long inFlight;
    private long queued;
    private long demand;
    private long peakInFlight;
    private long peakQueued;

    private final Histogram latencyMicros = new Histogram(1, MAX_LATENCY_MICROS, 2);
    private long busyPasses;
    private long lastPublishNanos;
    private long lastLatencyNanos;
    private StageSnapshot.Latency latency = StageSnapshot.Latency.NONE;
    private volatile StageSnapshot latest;

    public StageMeter(Stage stage, int parallelism, int buffer) {
        this.stage = stage;
        this.parallelism = parallelism;
        this.buffer = buffer;
        this.latest = build();
    }

    public Stage stage() {
        return stage;
    }

    /** The latest published counters; safe to call from any thread at any time, never blocks. */
    public StageSnapshot snapshot() {
        return latest;
    }

    // ---- writer side: only the stage's drain loop calls these ----

    void demand(long outstanding) {
        demand = outstanding;
    }

    void received() {
        received++;
        inFlight++;
        if (inFlight > peakInFlight) {
            peakInFlight = inFlight;
        }
    }

    /** An item arrived that nobody asked for (a push source ignoring demand) and was shed at once. */
    void shedOnArrival() {
        received++;
        dropped++;
    }

    /** A worker finished and its item was queued in the buffer. */
    void queuedFromWork(boolean failedHere) {
        finishedWork(failedHere);
        queued++;
        if (queued > peakQueued) {
            peakQueued = queued;
        }
    }

    /** A worker finished and handed its item straight to the next stage, which was waiting for it. */
    void handedOverFromWork(boolean failedHere) {
        finishedWork(failedHere);
    }

    /** A worker finished but its item was shed because the buffer was full. */
    void droppedFromWork() {
        inFlight--;
        dropped++;
    }

    /**
     * An item that waited in the buffer was evicted to make room ({@code drop-oldest}). It had been counted as
     * completed (or failed) when it entered the buffer; it now counts as dropped instead, so that every item is
     * counted exactly once.
     */
    void droppedFromQueue(boolean failedHere) {
        queued--;
        if (failedHere) {
            failed--;
        } else {
            completed--;
        }
        dropped++;
    }

    /**
     * The run was cancelled: the items being worked on are abandoned with their work, and the finished items
     * waiting for the next stage (already counted as completed) are discarded, so the final counters show an empty
     * stage.
     */
    void cancelledAll() {
        cancelled += inFlight;
        inFlight = 0;
        queued = 0;
    }

    void dequeued() {
        queued--;
    }

    void recordLatency(long nanos) {
        latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(1, nanos / 1_000)));
    }

    /**
     * Publishes a snapshot if the loop is going idle, or if the last one is older than 20 ms. The clock is read
     * only every 64th busy pass, and latency percentiles are recomputed at most every 100 ms, because both cost
     * more than the rest of a pass.
     */
    void publish(boolean goingIdle) {
        if (!goingIdle && (++busyPasses & 63) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (goingIdle || now - lastPublishNanos >= BUSY_PUBLISH_NANOS) {
            if (now - lastLatencyNanos >= LATENCY_REFRESH_NANOS) {
                refreshLatency(now);
            }
            lastPublishNanos = now;
            latest = build();
        }
    }

    /** Publishes the final counters when the stage ends. */
    void publishFinal() {
        refreshLatency(System.nanoTime());
        latest = build();
    }

    private void refreshLatency(long now) {
        lastLatencyNanos = now;
        if (latencyMicros.getTotalCount() > 0) {
            latency = new StageSnapshot.Latency(millis(50), millis(95), millis(99));
        }
    }

    private double millis(double percentile) {
        return Math.round(latencyMicros.getValueAtPercentile(percentile) / 100.0) / 10.0;
    }

    private void finishedWork(boolean failedHere) {
        inFlight--;
        if (failedHere) {
            failed++;
        } else {
            completed++;
        }
    }

    private StageSnapshot build() {
        return new StageSnapshot(stage, parallelism, buffer, received, completed, failed, dropped, cancelled, inFlight,
                queued,
                demand, peakInFlight, peakQueued, latency);
    }
}
