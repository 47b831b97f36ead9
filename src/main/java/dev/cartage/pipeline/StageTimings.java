package dev.cartage.pipeline;

import java.util.Arrays;

/**
 * Nanoseconds an item spent being worked on in each stage, by the stage's position in the pipeline.
 *
 * <p>Mutable on purpose: an item is held by exactly one stage at a time, and it moves between stages through
 * the stages' concurrent queues, which publish its state safely. Copying an array at every stage would cost an
 * allocation per item per stage on the hottest path of the engine.
 */
public final class StageTimings {

    /** The engine composes at most this many stages; Cartage uses four. */
    public static final int MAX_STAGES = 8;

    private final long[] nanos = new long[MAX_STAGES];

    StageTimings() {
    }

    void record(int stageIndex, long elapsedNanos) {
        nanos[stageIndex] += elapsedNanos;
    }

    /** Nanoseconds spent in the stage at {@code stageIndex}; 0 if it never worked on the item. */
    public long nanos(int stageIndex) {
        return nanos[stageIndex];
    }

    /** The same value in milliseconds, for reports. */
    public double millis(int stageIndex) {
        return nanos[stageIndex] / 1_000_000.0;
    }

    @Override
    public String toString() {
        return Arrays.toString(nanos);
    }
}
