package dev.cartage.pipeline;

import java.util.Objects;

/**
 * One item on its way through the pipeline: its sequence number, its source, and either its payload or its
 * failure, plus the time it spent in each stage.
 *
 * <p>A failed envelope keeps travelling: later stages pass it through untouched so that it still reaches the
 * consumer as a failure record. Every source item therefore yields exactly one envelope at the end.
 *
 * @param <T> the payload's type at this point of the pipeline
 */
public final class Envelope<T> {

    private final long seq;
    private final String source;
    private final T payload;
    private final ItemFailure failure;
    private final StageTimings timings;

    private Envelope(long seq, String source, T payload, ItemFailure failure, StageTimings timings) {
        this.seq = seq;
        this.source = source;
        this.payload = payload;
        this.failure = failure;
        this.timings = timings;
    }

    /** A fresh item entering the pipeline. */
    public static <T> Envelope<T> of(long seq, String source, T payload) {
        return new Envelope<>(seq, Objects.requireNonNull(source, "source"), Objects.requireNonNull(payload, "payload"),
                null, new StageTimings());
    }

    /** An item that failed before it entered the pipeline (say, a URL that does not parse). */
    public static <T> Envelope<T> failed(long seq, String source, ItemFailure failure) {
        return new Envelope<>(seq, Objects.requireNonNull(source, "source"), null,
                Objects.requireNonNull(failure, "failure"), new StageTimings());
    }

    public long seq() {
        return seq;
    }

    public String source() {
        return source;
    }

    /** The payload; null when the item failed. */
    public T payload() {
        return payload;
    }

    /** The failure; null when the item is fine. */
    public ItemFailure failure() {
        return failure;
    }

    public boolean isFailed() {
        return failure != null;
    }

    public StageTimings timings() {
        return timings;
    }

    /** The same item carrying the next stage's payload. */
    public <R> Envelope<R> withPayload(R next) {
        return new Envelope<>(seq, source, Objects.requireNonNull(next, "payload"), null, timings);
    }

    /** The same item, now failed. */
    public <R> Envelope<R> withFailure(ItemFailure reason) {
        return new Envelope<>(seq, source, null, Objects.requireNonNull(reason, "failure"), timings);
    }

    /** A failed item viewed at the next stage's type: it carries no payload, so no conversion is needed. */
    @SuppressWarnings("unchecked")
    <R> Envelope<R> passThrough() {
        if (failure == null) {
            throw new IllegalStateException("only failed items pass through untouched");
        }
        return (Envelope<R>) this;
    }

    @Override
    public String toString() {
        return "Envelope{seq=" + seq + ", source=" + source
                + (failure == null ? ", payload=" + payload : ", failure=" + failure) + '}';
    }
}
