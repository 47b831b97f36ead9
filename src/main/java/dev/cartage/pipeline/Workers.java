package dev.cartage.pipeline;

import reactor.util.context.Context;

/**
 * Where a stage's items are worked on: {@link AsyncWorkers} for I/O that completes on someone else's thread,
 * {@link CpuWorkers} for computation on the stage's bounded scheduler. Both take items from the stage's drain loop
 * and return results through {@link StageSubscriber#workFinished}.
 */
sealed interface Workers<I, O> permits AsyncWorkers, CpuWorkers {

    static <I, O> Workers<I, O> of(StageSubscriber<I, O> stage, StagePlan<I, O> plan) {
        if (plan.work() instanceof StageWork.Cpu<I, O> cpu) {
            return new CpuWorkers<>(stage, cpu, plan.settings());
        }
        return new AsyncWorkers<>(stage, (StageWork.Async<I, O>) plan.work());
    }

    /** Starts the work on one item; called by the drain loop only, never for more than {@code parallelism} at once. */
    void start(Envelope<I> item, long index);

    /**
     * Cancels the work in progress and hands every item whose work has not begun to the discard hook. Safe to call
     * again and from any thread; an item whose work finishes anyway still comes back to the stage, which discards it.
     */
    void stop(Context context);
}
