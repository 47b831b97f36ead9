package dev.cartage.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How one stage runs: how many items it works on at once and how many finished items may wait for the next stage.
 *
 * @param parallelism how many items the stage works on at once (the gophers); at least 1
 * @param buffer      how many finished items may wait for the next stage; 0 means every finished item is
 *                    handed over directly. Together with {@code parallelism} it bounds the stage's demand
 *                    upstream: a stage never holds more than {@code parallelism + buffer} items
 * @param overflow    what happens when finished items outrun the buffer
 * @param timeout     per attempt; for CPU stages the work cannot be interrupted, so an attempt that took longer
 *                    fails the item with {@code timeout} once it returns
 * @param retries     extra attempts after the first, only for failures worth retrying
 */
public record StageSettings(int parallelism, int buffer, Overflow overflow, Duration timeout, int retries) {

    public StageSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (buffer < 0) {
            throw new IllegalArgumentException("buffer must not be negative, was " + buffer);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** Settings with backpressure, a generous timeout and no retries: handy for tests and benchmarks. */
    public static StageSettings of(int parallelism, int buffer) {
        return new StageSettings(parallelism, buffer, Overflow.BACKPRESSURE, Duration.ofSeconds(30), 0);
    }

    public StageSettings withOverflow(Overflow overflow) {
        return new StageSettings(parallelism, buffer, overflow, timeout, retries);
    }
}
