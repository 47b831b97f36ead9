package dev.cartage.pipeline;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;

/**
 * One stage of the pipeline as a Reactor operator: up to {@code parallelism} workers take items from upstream,
 * and up to {@code buffer} finished items wait until the next stage asks for them.
 *
 * <p><b>Demand.</b> The stage asks upstream only for items it can start at once, and never has more than its
 * {@code buffer} (at least 1) requested and not yet received. It therefore never holds more than
 * {@code parallelism} items in work (a worker whose item finds the buffer full keeps holding it) plus
 * {@code buffer} queued, and a consumer that asks for nothing pulls at most the sum of
 * {@code parallelism + buffer} over all stages from the source.
 *
 * <p><b>Order.</b> Unordered, items leave as they finish. Ordered, they leave in the order the stage received
 * them; a finished item waiting for an earlier one sits in the buffer and counts as queued.
 *
 * <p><b>Failures.</b> The work never signals errors (see {@link StageWork}); items that failed earlier pass
 * through without work unless the work accepts failures. An error from upstream, or an {@code error} overflow,
 * is a broken run: work in flight is cancelled and the error goes downstream. Exactly one of completion,
 * one error, or cancel ends the stage; an error that loses that race goes to {@code Hooks.onErrorDropped}.
 *
 * <p><b>Cancel and discard.</b> On cancel the stage cancels upstream and every running item, and hands each item
 * it holds (waiting, held or queued) exactly once to Reactor's discard hook, so resources tied to items can be
 * released with {@code doOnDiscard}.
 *
 * <p><b>Threads.</b> Async work completes on whatever thread its publisher uses ({@link AsyncItem}). CPU work runs
 * on the stage's scheduler ({@link CpuWorkers}): each busy worker is a task there that keeps taking items while
 * there are any, so that a full pipeline hands items over in batches instead of waking a thread per item.
 *
 * <p>The bookkeeping lives in {@link StageSubscriber} and the finished items in its {@link StageBuffer}; this class
 * only plugs them into Reactor. The operator and its subscriber are {@link reactor.core.Scannable}.
 */
final class FluxStage<I, O> extends FluxOperator<Envelope<I>, Envelope<O>> {

    private final StagePlan<I, O> plan;

    FluxStage(Flux<? extends Envelope<I>> source, StagePlan<I, O> plan) {
        super(source);
        this.plan = plan;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Envelope<O>> actual) {
        // the operator's own subscription to its source: this is how an operator joins a chain, not a leak
        source.subscribe(new StageSubscriber<>(actual, plan));
    }

    @Override
    public Object scanUnsafe(Attr key) {
        if (key == Attr.RUN_STYLE) {
            return Attr.RunStyle.ASYNC;
        }
        if (key == Attr.PREFETCH) {
            return StageSubscriber.upstreamLimit(plan.settings());
        }
        return super.scanUnsafe(key);
    }
}
