package dev.cartage.pipeline;

import java.util.Arrays;

/**
 * Nanoseconds an item spent being worked on in each {@link Stage}.
 *
 * <p>Mutable on purpose: an item is held by exactly one stage at a time, and it moves between stages through
 * the stages' concurrent queues, which publish its state safely. Copying an array at every stage would cost an
 * allocation per item per stage on the hottest path of the engine.
 */
public final class StageTimings {

    /** Indexed by the stage's ordinal. */
    private final long[] nanos = new long[Stage.count()];

    StageTimings() {
    }

    void record(Stage stage, long elapsedNanos) {
        nanos[stage.ordinal()] += elapsedNanos;
    }

    /** Nanoseconds spent in {@code stage}; 0 if it never worked on the item. */
    public long nanos(Stage stage) {
        return nanos[stage.ordinal()];
    }

    /** The same value in milliseconds, for reports. */
    public double millis(Stage stage) {
        return nanos(stage) / 1_000_000.0;
    }

    @Override
    public String toString() {
        return Arrays.toString(nanos);
    }
}
