package dev.cartage.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The live counters of one stage in one run, readable from any thread while the run goes.
 *
 * <p>All counters are written by the stage's drain loop, which the operator serialises, so there is exactly one
 * writer at a time. Readers take a consistent copy with a sequence lock: the writer makes the version odd while
 * it changes counters, and a reader retries until it has read a whole copy under one even version. That is what
 * makes {@code received = completed + failed + dropped + inFlight} hold in every snapshot, not just eventually.
 */
public final class StageMeter {

    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(StageMeter.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final int parallelism;
    private final int buffer;

    @SuppressWarnings("unused") // accessed through VERSION
    private volatile long version;

    private long received;
    private long completed;
    private long failed;
    private long dropped;
    private long inFlight;
    private long queued;
    private long demand;
    private long peakInFlight;
    private long peakQueued;

    /** Microseconds, 2 significant digits: ample for percentiles, small enough to keep one per stage per run. */
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(2);
    private final Histogram latencyMicros = new Histogram(2);

    public StageMeter(String name, int parallelism, int buffer) {
        this.name = name;
        this.parallelism = parallelism;
        this.buffer = buffer;
    }

    public String name() {
        return name;
    }

    // ---- writer side: only the stage's drain loop calls these, between beginWrite and endWrite ----

    void beginWrite() {
        VERSION.setVolatile(this, (long) VERSION.getVolatile(this) + 1);
        VarHandle.storeStoreFence();
    }

    void endWrite() {
        VERSION.setVolatile(this, (long) VERSION.getVolatile(this) + 1);
    }

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
    void receivedUnrequestedAndDropped() {
        received++;
        dropped++;
    }

    /** A worker finished and its item went into the pile. */
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

    /** A worker finished but its item was shed because the pile was full. */
    void droppedFromWork() {
        inFlight--;
        dropped++;
    }

    /** An item that waited in the pile was evicted to make room ({@code drop-oldest}). */
    void droppedFromQueue(boolean failedHere) {
        queued--;
        if (failedHere) {
            failed--;
        } else {
            completed--;
        }
        dropped++;
    }

    void dequeued() {
        queued--;
    }

    void recordLatency(long nanos) {
        recorder.recordValue(Math.max(1, nanos / 1_000));
    }

    private void finishedWork(boolean failedHere) {
        inFlight--;
        if (failedHere) {
            failed++;
        } else {
            completed++;
        }
    }

    // ---- reader side ----

    /** A consistent copy of the counters; safe to call from any thread at any time. */
    public StageSnapshot snapshot() {
        for (;;) {
            long before = (long) VERSION.getVolatile(this);
            if ((before & 1) == 0) {
                long rec = received;
                long com = completed;
                long fai = failed;
                long dro = dropped;
                long inf = inFlight;
                long que = queued;
                long dem = demand;
                long pin = peakInFlight;
                long pqu = peakQueued;
                VarHandle.loadLoadFence();
                if ((long) VERSION.getVolatile(this) == before) {
                    return new StageSnapshot(name, parallelism, buffer, rec, com, fai, dro, inf, que, dem, pin, pqu,
                            latency());
                }
            }
            Thread.onSpinWait();
        }
    }

    private synchronized StageSnapshot.Latency latency() {
        latencyMicros.add(recorder.getIntervalHistogram());
        if (latencyMicros.getTotalCount() == 0) {
            return StageSnapshot.Latency.NONE;
        }
        return new StageSnapshot.Latency(
                percentileMillis(50), percentileMillis(95), percentileMillis(99));
    }

    private double percentileMillis(double percentile) {
        return Math.round(latencyMicros.getValueAtPercentile(percentile) / 100.0) / 10.0;
    }
}
