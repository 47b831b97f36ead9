package dev.cartage.pipeline;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a stage does when its finished items outrun its {@code buffer}.
 * With {@link #BACKPRESSURE} a worker holds its finished item until the buffer has room, so the stage stops
 * asking upstream for more: the producer is slowed. The drop policies keep the workers going and shed load
 * instead; a shed item still reaches the consumer as a failed outcome of type {@code dropped}.
 */
public enum Overflow {
    /** Default: hold finished items and stop pulling until the buffer has room. */
    BACKPRESSURE("backpressure"),
    /** Evict the oldest waiting item from the buffer to make room. */
    DROP_OLDEST("drop-oldest"),
    /** Drop the item that just finished. */
    DROP_NEWEST("drop-newest"),
    /** Fail the run: the user asked to be told rather than slowed or shed. */
    ERROR("error");

    private final String wireName;

    Overflow(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Overflow> fromWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
