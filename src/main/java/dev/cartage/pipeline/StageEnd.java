package dev.cartage.pipeline;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * How one subscription to a stage ends, decided once: the first of a failure, completion or cancel wins, by a
 * single compare-and-set, whichever threads race for it. The stage's drain loop then signals the winner downstream
 * exactly once; a failure that loses goes to {@code Hooks.onErrorDropped}, as in Reactor's own operators.
 */
final class StageEnd {

    private static final Throwable COMPLETED = new Marker("completed");
    private static final Throwable CANCELLED = new Marker("cancelled");

    /** Null while the stage runs; then the failure, {@link #COMPLETED} or {@link #CANCELLED}. */
    private volatile Throwable outcome;
    private static final AtomicReferenceFieldUpdater<StageEnd, Throwable> OUTCOME =
            AtomicReferenceFieldUpdater.newUpdater(StageEnd.class, Throwable.class, "outcome");

    /** Ends the stage with {@code failure}; false if it had already ended, in which case the failure is not used. */
    boolean fail(Throwable failure) {
        return OUTCOME.compareAndSet(this, null, failure);
    }

    /** Ends the stage as completed; false if a failure or cancel came first. */
    boolean complete() {
        return OUTCOME.compareAndSet(this, null, COMPLETED);
    }

    /** Ends the stage as cancelled; false if it had already ended (a pending failure is then still signalled). */
    boolean cancel() {
        return OUTCOME.compareAndSet(this, null, CANCELLED);
    }

    /** Whether the stage has ended or is ending: work not yet begun should be discarded. */
    boolean isOver() {
        return outcome != null;
    }

    boolean isCancelled() {
        return outcome == CANCELLED;
    }

    /** The failure that ends the stage, or null if none does (yet). */
    Throwable failure() {
        Throwable end = outcome;
        return end instanceof Marker ? null : end;
    }

    /** The values that are not failures; never signalled, so they need no stack trace. */
    private static final class Marker extends RuntimeException {
        Marker(String how) {
            super(how, null, false, false);
        }
    }
}
