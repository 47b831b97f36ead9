package dev.cartage.pipeline;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import reactor.core.Disposable;
import reactor.core.Scannable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One item's async work in progress. Settles exactly once: by finishing (a result, or a failure made into one)
 * or by being cancelled, in which case the item goes to the discard hook instead of to the stage.
 */
final class AsyncItem<I, O> extends BaseSubscriber<Envelope<O>> implements Scannable {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<AsyncItem> SETTLED =
            AtomicIntegerFieldUpdater.newUpdater(AsyncItem.class, "settled");

    private final StageSubscriber<I, O> stage;
    /** The stage's items in progress, which this one leaves once it settles. */
    private final Disposable.Composite running;
    private final Envelope<I> item;
    private final long index;
    private final long startNanos = System.nanoTime();
    private static final int WORKING = 0;
    private static final int FINISHED = 1;
    private static final int CANCELLED = 2;
    private volatile int settled;

    AsyncItem(StageSubscriber<I, O> stage, Disposable.Composite running, Envelope<I> item, long index) {
        this.stage = stage;
        this.running = running;
        this.item = item;
        this.index = index;
    }

    @Override
    public Context currentContext() {
        return stage.currentContext();
    }

    @Override
    public Object scanUnsafe(Attr key) {
        if (key == Attr.PARENT) {
            return upstream();
        }
        if (key == Attr.ACTUAL) {
            return stage;
        }
        if (key == Attr.TERMINATED) {
            return settled == FINISHED;
        }
        if (key == Attr.CANCELLED) {
            return settled == CANCELLED;
        }
        return null;
    }

    @Override
    protected void hookOnNext(Envelope<O> result) {
        if (SETTLED.compareAndSet(this, WORKING, FINISHED)) {
            running.remove(this);
            // a sink passes an earlier failure on unchanged: that failure was not raised here
            boolean failedHere = result.isFailed() && result.failure() != item.failure();
            stage.workFinished(new Finished<>(index, result, System.nanoTime() - startNanos, failedHere));
        }
    }

    @Override
    protected void hookOnComplete() {
        if (settled == WORKING) {
            hookOnNext(item.withFailure(ItemFailure.of(stage.stage(), FailureType.INTERNAL,
                    "the " + stage.stage() + " stage produced no result")));
        }
    }

    @Override
    protected void hookOnError(Throwable t) {
        // the work is wrapped to turn failures into data; an error here is a bug in that wrapping
        hookOnNext(item.withFailure(ItemFailures.from(stage.stage(), t)));
    }

    @Override
    protected void hookOnCancel() {
        if (SETTLED.compareAndSet(this, WORKING, CANCELLED)) {
            Operators.onDiscard(item, currentContext());
        }
    }
}
