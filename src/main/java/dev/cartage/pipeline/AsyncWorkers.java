package dev.cartage.pipeline;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The workers of an I/O stage: each item's publisher is subscribed by an {@link AsyncItem} and completes on
 * whatever thread it uses. The items in progress are kept together, so that stopping the stage cancels them all.
 */
final class AsyncWorkers<I, O> implements Workers<I, O> {

    private final StageSubscriber<I, O> stage;
    private final StageWork.Async<I, O> work;
    private final Disposable.Composite running = Disposables.composite();

    AsyncWorkers(StageSubscriber<I, O> stage, StageWork.Async<I, O> work) {
        this.stage = stage;
        this.work = work;
    }

    @Override
    public void start(Envelope<I> item, long index) {
        AsyncItem<I, O> inner = new AsyncItem<>(stage, running, item, index);
        if (running.add(inner)) {
            // an operator subscribing its inner publisher, as flatMap does: demand and cancel stay wired
            work.work().apply(item).subscribe(inner);
        } else {
            // the stage stopped between taking the item and starting it
            Operators.onDiscard(item, stage.currentContext());
        }
    }

    @Override
    public void stop(Context context) {
        running.dispose();
    }
}
