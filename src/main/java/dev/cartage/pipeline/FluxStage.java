package dev.cartage.pipeline;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import org.reactivestreams.Subscription;

import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One stage of the pipeline as a Reactor operator: up to {@code parallelism} workers take items from upstream,
 * and finished items wait in a staging pile of {@code buffer} places until the next stage asks for them.
 *
 * <p><b>Demand.</b> The stage asks upstream only for items it can start at once, so it never holds more than
 * {@code parallelism} items in work (a worker whose item finds the pile full keeps holding it) plus
 * {@code buffer} in the pile. A consumer that asks for nothing therefore pulls at most the sum of
 * {@code parallelism + buffer} over all stages from the source.
 *
 * <p><b>Order.</b> Unordered, items leave as they finish. Ordered, they leave in the order the stage received
 * them; a finished item waiting for an earlier one sits in the pile and counts as queued.
 *
 * <p><b>Failures.</b> The work never signals errors (see {@link StageWork}); items that failed earlier pass
 * through without work unless the work accepts failures. An error from upstream, or an {@code error} overflow,
 * is a broken run: work in flight is cancelled and the error goes downstream.
 *
 * <p><b>Cancel and discard.</b> On cancel the stage cancels upstream and every running item, and hands each item
 * it holds (waiting, held or queued) exactly once to Reactor's discard hook, so resources tied to items can be
 * released with {@code doOnDiscard}.
 *
 * <p><b>Threads.</b> Async work completes on whatever thread its publisher uses. CPU work runs on the stage's
 * scheduler: each busy worker is a task there that keeps taking items while there are any, so that a full
 * pipeline hands items over in batches instead of waking a thread per item.
 */
final class FluxStage<I, O> extends FluxOperator<Envelope<I>, Envelope<O>> {

    private final StagePlan<I, O> plan;

    FluxStage(Flux<? extends Envelope<I>> source, StagePlan<I, O> plan) {
        super(source);
        this.plan = plan;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Envelope<O>> actual) {
        source.subscribe(new StageSubscriber<>(actual, plan));
    }

    @Override
    public Object scanUnsafe(Attr key) {
        if (key == Attr.RUN_STYLE) {
            return Attr.RunStyle.ASYNC;
        }
        if (key == Attr.PREFETCH) {
            return plan.settings().parallelism();
        }
        return super.scanUnsafe(key);
    }

    static final class StageSubscriber<I, O> implements CoreSubscriber<Envelope<I>>, Subscription {

        /** A CPU worker yields its thread after this many items, so stages sharing a scheduler take turns. */
        private static final int WORKER_BATCH = 1024;

        private final CoreSubscriber<? super Envelope<O>> actual;
        private final StagePlan<I, O> plan;
        private final StageMeter meter;
        private final int parallelism;
        private final int buffer;
        private final Overflow overflow;
        private final Staging<O> staging;

        // Cross-thread hand-offs into the drain loop. Each holds at most `parallelism` items while upstream honours
        // demand, because the stage never has more than that requested or in work.
        private final Queue<Envelope<I>> arrivals = new ConcurrentLinkedQueue<>();
        private final Queue<Finished<O>> finished = new ConcurrentLinkedQueue<>();
        private final Queue<CpuTask<I>> ready = new ConcurrentLinkedQueue<>();
        private final Disposable.Composite running = Disposables.composite();

        private Subscription upstream;
        private volatile boolean done;
        private volatile boolean cancelled;
        private volatile Throwable error;
        private boolean terminated;

        private volatile long requested;
        private static final AtomicLongFieldUpdater<StageSubscriber> REQUESTED =
                AtomicLongFieldUpdater.newUpdater(StageSubscriber.class, "requested");
        private volatile int wip;
        private static final AtomicIntegerFieldUpdater<StageSubscriber> WIP =
                AtomicIntegerFieldUpdater.newUpdater(StageSubscriber.class, "wip");
        private volatile int workers;
        private static final AtomicIntegerFieldUpdater<StageSubscriber> WORKERS =
                AtomicIntegerFieldUpdater.newUpdater(StageSubscriber.class, "workers");

        // Owned by the drain loop.
        private long outstanding;
        private long inFlight;
        private long nextIndex;
        private long emitted;
        private final ArrayDeque<Envelope<O>> outbox = new ArrayDeque<>();

        StageSubscriber(CoreSubscriber<? super Envelope<O>> actual, StagePlan<I, O> plan) {
            this.actual = actual;
            this.plan = plan;
            this.meter = plan.meter();
            this.parallelism = plan.settings().parallelism();
            this.buffer = plan.settings().buffer();
            this.overflow = plan.settings().overflow();
            this.staging = Staging.create(plan.ordered());
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
                drain();
            }
        }

        @Override
        public void onNext(Envelope<I> item) {
            if (done || cancelled) {
                Operators.onDiscard(item, currentContext());
                return;
            }
            arrivals.offer(item);
            drain();
        }

        @Override
        public void onError(Throwable t) {
            if (done) {
                Operators.onErrorDropped(t, currentContext());
                return;
            }
            error = t;
            done = true;
            drain();
        }

        @Override
        public void onComplete() {
            done = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                Operators.addCap(REQUESTED, this, n);
                drain();
            }
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                upstream.cancel();
                running.dispose();
                drain();
            }
        }

        /** Serialises all bookkeeping: whoever raises {@code wip} from zero runs the loop for everyone. */
        private void drain() {
            if (WIP.getAndIncrement(this) != 0) {
                return;
            }
            int missed = 1;
            for (;;) {
                if (terminated) {
                    // late results of work that was running when the stage stopped
                    discardHeldItems();
                } else if (cancelled) {
                    discardAll();
                } else {
                    drainOnce(missed);
                }
                missed = WIP.addAndGet(this, -missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        private void drainOnce(int missed) {
            takeArrivals();
            takeFinished();
            pickForNextStage();
            admitHeld();
            long toRequest = freeSlots();
            outstanding += toRequest;
            meter.demand(outstanding);
            // no new signal since this pass began: the loop is about to go idle, so publish exact counters
            meter.publish(wip == missed);
            Envelope<O> next;
            while ((next = outbox.poll()) != null) {
                actual.onNext(next);
            }
            if (toRequest > 0) {
                upstream.request(toRequest);
            }
            checkTerminated();
        }

        private void takeArrivals() {
            Envelope<I> item;
            while ((item = arrivals.poll()) != null) {
                if (outstanding == 0) {
                    refuseUnrequested(item);
                    continue;
                }
                outstanding--;
                meter.received();
                inFlight++;
                start(item, nextIndex++);
            }
        }

        /** Upstream sent more than asked: a push source. Only the drop policies accept that. */
        private void refuseUnrequested(Envelope<I> item) {
            if (overflow == Overflow.DROP_NEWEST || overflow == Overflow.DROP_OLDEST) {
                meter.receivedUnrequestedAndDropped();
                staging.notice(new Finished<>(nextIndex++, item.withFailure(ItemFailures.dropped(plan.name())), 0, false));
            } else {
                Operators.onDiscard(item, currentContext());
                fail(Exceptions.failWithOverflow("the source of stage " + plan.name()
                        + " sent more items than requested; use overflow drop-newest or drop-oldest for push sources"));
            }
        }

        private void start(Envelope<I> item, long index) {
            StageWork<I, O> work = plan.work();
            if (item.isFailed() && !work.acceptsFailures()) {
                staging.hold(new Finished<>(index, item.passThrough(), 0, false));
                return;
            }
            if (work instanceof StageWork.Async<I, O> async) {
                ItemSubscriber<I, O> inner = new ItemSubscriber<>(this, item, index);
                if (running.add(inner)) {
                    async.work().apply(item).subscribe(inner);
                } else {
                    Operators.onDiscard(item, currentContext());
                }
            } else {
                ready.offer(new CpuTask<>(item, index));
                if (tryAddWorker()) {
                    scheduleWorker();
                }
            }
        }

        private void takeFinished() {
            Finished<O> item;
            while ((item = finished.poll()) != null) {
                meter.recordLatency(item.nanos);
                item.envelope.timings().record(plan.index(), item.nanos);
                staging.hold(item);
            }
        }

        /** Moves as many items as the next stage asked for into the outbox: notices, then the pile, then held. */
        private void pickForNextStage() {
            long wanted = requested - emitted;
            while (wanted > 0) {
                Finished<O> item = staging.pollNext();
                if (item == null) {
                    break;
                }
                switch (item.place) {
                    case QUEUED -> meter.dequeued();
                    case HELD -> {
                        meter.handedOverFromWork(item.failedHere);
                        inFlight--;
                    }
                    case NOTICE -> { }
                }
                outbox.add(item.envelope);
                wanted--;
                emitted++;
            }
        }

        /** Moves held items into the pile while it has room; when it is full, the overflow policy decides. */
        private void admitHeld() {
            Finished<O> item;
            while ((item = staging.pollHeld()) != null) {
                if (staging.queuedCount() < buffer) {
                    staging.queue(item);
                    meter.queuedFromWork(item.failedHere);
                    inFlight--;
                    continue;
                }
                switch (overflow) {
                    case BACKPRESSURE -> {
                        staging.hold(item);
                        return;
                    }
                    case DROP_NEWEST -> {
                        meter.droppedFromWork();
                        inFlight--;
                        shed(item);
                    }
                    case DROP_OLDEST -> {
                        Finished<O> oldest = staging.pollOldestQueued();
                        if (oldest == null) {
                            // buffer 0: there is no pile to evict from, so the newcomer is the one shed
                            meter.droppedFromWork();
                            inFlight--;
                            shed(item);
                        } else {
                            meter.droppedFromQueue(oldest.failedHere);
                            shed(oldest);
                            staging.queue(item);
                            meter.queuedFromWork(item.failedHere);
                            inFlight--;
                        }
                    }
                    case ERROR -> {
                        staging.hold(item);
                        fail(new StageOverflowException(plan.name(), buffer));
                        return;
                    }
                }
            }
        }

        private void shed(Finished<O> item) {
            Operators.onDiscard(item.envelope, currentContext());
            Envelope<O> notice = item.envelope.withFailure(ItemFailures.dropped(plan.name()));
            staging.notice(new Finished<>(item.index, notice, 0, false));
        }

        private long freeSlots() {
            if (done || error != null) {
                return 0;
            }
            return Math.max(0, parallelism - inFlight - outstanding);
        }

        private void checkTerminated() {
            Throwable failure = error;
            if (failure != null) {
                terminated = true;
                upstream.cancel();
                running.dispose();
                discardHeldItems();
                meter.publishFinal();
                actual.onError(failure);
                return;
            }
            if (done && inFlight == 0 && arrivals.isEmpty() && finished.isEmpty() && staging.isEmpty()) {
                terminated = true;
                meter.publishFinal();
                actual.onComplete();
            }
        }

        private void fail(Throwable failure) {
            if (error == null) {
                error = failure;
            }
        }

        private void discardAll() {
            terminated = true;
            running.dispose();
            discardHeldItems();
            meter.publishFinal();
        }

        private void discardHeldItems() {
            Context context = currentContext();
            Operators.onDiscardQueueWithClear(arrivals, context, null);
            Operators.onDiscardQueueWithClear(outbox, context, null);
            CpuTask<I> task;
            while ((task = ready.poll()) != null) {
                Operators.onDiscard(task.item(), context);
            }
            Finished<O> item;
            while ((item = finished.poll()) != null) {
                Operators.onDiscard(item.envelope, context);
            }
            staging.clear(envelope -> Operators.onDiscard(envelope, context));
        }

        // ---- CPU workers ----

        private boolean tryAddWorker() {
            for (;;) {
                int current = workers;
                if (current >= parallelism) {
                    return false;
                }
                if (WORKERS.compareAndSet(this, current, current + 1)) {
                    return true;
                }
            }
        }

        private void scheduleWorker() {
            StageWork.Cpu<I, O> cpu = (StageWork.Cpu<I, O>) plan.work();
            try {
                cpu.scheduler().schedule(this::runWorker);
            } catch (RuntimeException rejected) {
                WORKERS.decrementAndGet(this);
                fail(rejected);
                drain();
            }
        }

        /** One worker's turn: takes ready items until there are none, or until it has had its share of the thread. */
        private void runWorker() {
            StageWork.Cpu<I, O> cpu = (StageWork.Cpu<I, O>) plan.work();
            Context context = currentContext();
            for (int turn = 0; turn < WORKER_BATCH; turn++) {
                CpuTask<I> task = ready.poll();
                if (task == null) {
                    WORKERS.decrementAndGet(this);
                    // an item offered between our poll and the decrement must not be left without a worker
                    if (ready.isEmpty() || !tryAddWorker()) {
                        return;
                    }
                    continue;
                }
                if (cancelled) {
                    Operators.onDiscard(task.item(), context);
                    continue;
                }
                long start = System.nanoTime();
                Envelope<O> result = cpu.work().apply(task.item());
                finished.offer(new Finished<>(task.index(), result, System.nanoTime() - start, result.isFailed()));
                drain();
            }
            scheduleWorker();
        }

        private record CpuTask<I>(Envelope<I> item, long index) {
        }

        // ---- async work ----

        /** Runs one item's async work; settles exactly once, by finishing or by being cancelled. */
        private static final class ItemSubscriber<I, O> extends BaseSubscriber<Envelope<O>> {
            @SuppressWarnings("rawtypes")
            private static final AtomicIntegerFieldUpdater<ItemSubscriber> SETTLED =
                    AtomicIntegerFieldUpdater.newUpdater(ItemSubscriber.class, "settled");

            private final StageSubscriber<I, O> stage;
            private final Envelope<I> item;
            private final long index;
            private final long startNanos = System.nanoTime();
            private volatile int settled;

            ItemSubscriber(StageSubscriber<I, O> stage, Envelope<I> item, long index) {
                this.stage = stage;
                this.item = item;
                this.index = index;
            }

            @Override
            public Context currentContext() {
                return stage.currentContext();
            }

            @Override
            protected void hookOnNext(Envelope<O> result) {
                if (SETTLED.compareAndSet(this, 0, 1)) {
                    stage.running.remove(this);
                    boolean failedHere = result.isFailed() && result.failure() != item.failure();
                    stage.finished.offer(new Finished<>(index, result, System.nanoTime() - startNanos, failedHere));
                    stage.drain();
                }
            }

            @Override
            protected void hookOnComplete() {
                if (settled == 0) {
                    hookOnNext(item.withFailure(ItemFailure.of(stage.plan.name(), FailureType.INTERNAL,
                            "the " + stage.plan.name() + " stage produced no result")));
                }
            }

            @Override
            protected void hookOnError(Throwable t) {
                // the work is wrapped to turn failures into data; an error here is a bug in that wrapping
                hookOnNext(item.withFailure(ItemFailures.from(stage.plan.name(), t)));
            }

            @Override
            protected void hookOnCancel() {
                if (SETTLED.compareAndSet(this, 0, 2)) {
                    Operators.onDiscard(item, currentContext());
                }
            }
        }
    }
}
