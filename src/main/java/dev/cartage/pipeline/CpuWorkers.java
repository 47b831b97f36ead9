package dev.cartage.pipeline;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The workers of a CPU stage: up to {@code parallelism} tasks on the stage's scheduler, each taking ready items
 * until none are left. A worker that finds work waiting keeps going instead of handing back its thread, so a busy
 * stage pays for a thread wake-up per batch, not per item; after {@link #BATCH} items it re-queues itself so that
 * stages sharing the scheduler take turns.
 */
final class CpuWorkers<I, O> implements Workers<I, O> {

    /** Items a worker takes before it yields its thread to other stages' workers. */
    static final int BATCH = 1024;

    private final StageSubscriber<I, O> stage;
    private final StageWork.Cpu<I, O> work;
    private final int parallelism;
    /** CPU work cannot be interrupted: an item whose work took longer fails with timeout when it returns. */
    private final long timeoutNanos;
    /** Items started by the drain loop and not yet taken by a worker; at most `parallelism`. */
    private final Queue<Task<I>> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger workers = new AtomicInteger();

    CpuWorkers(StageSubscriber<I, O> stage, StageWork.Cpu<I, O> work, StageSettings settings) {
        this.stage = stage;
        this.work = work;
        this.parallelism = settings.parallelism();
        this.timeoutNanos = settings.timeout().toNanos();
    }

    /** Queues one item and starts a worker for it if fewer than {@code parallelism} are busy. */
    @Override
    public void start(Envelope<I> item, long index) {
        ready.offer(new Task<>(item, index));
        if (tryAddWorker()) {
            schedule();
        }
    }

    /** Hands every item no worker has taken yet to the discard hook; a worker's current item finishes. */
    @Override
    public void stop(Context context) {
        Task<I> task;
        while ((task = ready.poll()) != null) {
            Operators.onDiscard(task.item(), context);
        }
    }

    private boolean tryAddWorker() {
        for (;;) {
            int current = workers.get();
            if (current >= parallelism) {
                return false;
            }
            if (workers.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    private void schedule() {
        try {
            work.scheduler().schedule(this::run);
        } catch (RuntimeException rejected) {
            workers.decrementAndGet();
            stage.workRejected(rejected);
        }
    }

    /** One worker's turn: takes ready items until there are none, or until it has had its share of the thread. */
    private void run() {
        Context context = stage.currentContext();
        // one clock read per item: an item's work starts when the previous one's ends
        long start = System.nanoTime();
        for (int turn = 0; turn < BATCH; turn++) {
            Task<I> task = ready.poll();
            if (task == null) {
                workers.decrementAndGet();
                // an item offered between our poll and the decrement must not be left without a worker
                if (ready.isEmpty() || !tryAddWorker()) {
                    return;
                }
                continue;
            }
            if (stage.isStopped()) {
                Operators.onDiscard(task.item(), context);
                continue;
            }
            Envelope<O> result = work.work().apply(task.item());
            long end = System.nanoTime();
            long nanos = end - start;
            start = end;
            if (nanos > timeoutNanos && !result.isFailed()) {
                result = task.item().withFailure(ItemFailure.of(stage.stage(), FailureType.TIMEOUT,
                        "the " + stage.stage() + " stage took " + nanos / 1_000_000 + " ms, longer than its timeout"));
            }
            stage.workFinished(new Finished<>(task.index(), result, nanos, result.isFailed()));
        }
        schedule();
    }

    private record Task<I>(Envelope<I> item, long index) {
    }
}
