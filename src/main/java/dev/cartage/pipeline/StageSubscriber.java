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
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * The per-subscription state of a {@link FluxStage}: a drain loop that alone moves items between arrival, work,
 * the staging pile and the next stage, and alone writes the stage's {@link StageMeter}. Other threads (upstream,
 * downstream, workers) only put signals into concurrent queues and call {@link #drain()}.
 */
final class StageSubscriber<I, O> implements CoreSubscriber<Envelope<I>>, Subscription {

    private final CoreSubscriber<? super Envelope<O>> actual;
    private final StagePlan<I, O> plan;
    private final StageMeter meter;
    private final int parallelism;
    private final Overflow overflow;
    /** The most items the stage has asked upstream for and not yet received (docs/api.md: buffer is the prefetch). */
    private final long prefetch;
    private final StagingPile<O> pile;

    // Cross-thread hand-offs into the drain loop. Each holds at most `parallelism` items while upstream honours
    // demand, because the stage never has more than that requested or in work. Arrivals come from one producer at
    // a time (Reactive Streams serialises onNext), so a bounded single-producer array queue serves without
    // allocating per item; whatever does not fit came from a source ignoring demand and waits in `unrequested`.
    private final Queue<Envelope<I>> arrivals;
    private final Queue<Envelope<I>> unrequested = new ConcurrentLinkedQueue<>();
    private final Queue<Finished<O>> finished = new ConcurrentLinkedQueue<>();
    /** Async items being worked on, so that cancel can reach them. */
    private final Disposable.Composite running = Disposables.composite();
    /** Null for async stages. */
    private final CpuWorkers<I, O> cpu;

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

    // Owned by the drain loop.
    private long outstanding;
    private long nextIndex;
    private long emitted;
    private final ArrayDeque<Envelope<O>> outbox = new ArrayDeque<>();

    StageSubscriber(CoreSubscriber<? super Envelope<O>> actual, StagePlan<I, O> plan) {
        this.actual = actual;
        this.plan = plan;
        this.meter = plan.meter();
        this.parallelism = plan.settings().parallelism();
        this.overflow = plan.settings().overflow();
        this.prefetch = Math.max(1, plan.settings().buffer());
        this.arrivals = Queues.<Envelope<I>>get(parallelism).get();
        this.pile = new StagingPile<>(plan, envelope -> Operators.onDiscard(envelope, currentContext()));
        this.cpu = plan.work() instanceof StageWork.Cpu<I, O> work ? new CpuWorkers<>(this, work, plan.settings()) : null;
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
        if (!arrivals.offer(item)) {
            unrequested.offer(item);
        }
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

    // ---- called by the work: AsyncItem and CpuWorkers ----

    Stage stageName() {
        return plan.stage();
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** A piece of work finished: hand it to the drain loop. */
    void workFinished(Finished<O> item) {
        finished.offer(item);
        drain();
    }

    /** An async item settled and no longer needs cancelling. */
    void forget(Disposable item) {
        running.remove(item);
    }

    /** The CPU scheduler refused work: the run is broken. */
    void workRejected(RuntimeException rejected) {
        fail(rejected);
        drain();
    }

    /** Serialises all bookkeeping: whoever raises {@code wip} from zero runs the loop for everyone. */
    void drain() {
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
            start(item, nextIndex++);
        }
        while ((item = unrequested.poll()) != null) {
            refuseUnrequested(item);
        }
    }

    /** Upstream sent more than asked: a push source. Only the drop policies accept that. */
    private void refuseUnrequested(Envelope<I> item) {
        if (overflow == Overflow.DROP_NEWEST || overflow == Overflow.DROP_OLDEST) {
            pile.shedOnArrival(nextIndex++, item.withFailure(ItemFailures.dropped(plan.stage())));
        } else {
            Operators.onDiscard(item, currentContext());
            fail(Exceptions.failWithOverflow("the source of stage " + plan.stage()
                    + " sent more items than requested; use overflow drop-newest or drop-oldest for push sources"));
        }
    }

    private void start(Envelope<I> item, long index) {
        StageWork<I, O> work = plan.work();
        if (item.isFailed() && !work.acceptsFailures()) {
            // passed through untouched; it counts as failed here only when its failure names this stage (an item
            // that failed before the pipeline on this stage's behalf, such as a sitemap the fetch stage could not read)
            boolean failedHere = plan.stage() == item.failure().stage();
            pile.hold(new Finished<>(index, item.passThrough(), 0, failedHere));
            return;
        }
        if (work instanceof StageWork.Async<I, O> async) {
            AsyncItem<I, O> inner = new AsyncItem<>(this, item, index);
            if (running.add(inner)) {
                // an operator subscribing its inner publisher, as flatMap does: demand and cancel stay wired
                async.work().apply(item).subscribe(inner);
            } else {
                Operators.onDiscard(item, currentContext());
            }
        } else {
            cpu.offer(item, index);
        }
    }

    private void takeFinished() {
        Finished<O> item;
        while ((item = finished.poll()) != null) {
            meter.recordLatency(item.nanos);
            item.envelope.timings().record(plan.stage(), item.nanos);
            pile.hold(item);
        }
    }

    /** Moves as many items as the next stage asked for into the outbox: notices, then the pile, then held. */
    private void pickForNextStage() {
        long wanted = requested - emitted;
        Envelope<O> item;
        while (wanted > 0 && (item = pile.next()) != null) {
            outbox.add(item);
            wanted--;
            emitted++;
        }
    }

    private void admitHeld() {
        StageOverflowException overflowed = pile.admitHeld();
        if (overflowed != null) {
            fail(overflowed);
        }
    }

    /**
     * How many more items to ask upstream for: one per free worker slot, and never more outstanding than the
     * stage's prefetch, {@code buffer} (at least 1, so that a stage without a pile still pulls).
     */
    private long freeSlots() {
        if (done || error != null) {
            return 0;
        }
        long free = parallelism - meter.inFlight() - outstanding;
        return Math.max(0, Math.min(free, prefetch - outstanding));
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
        if (done && meter.inFlight() == 0 && arrivals.isEmpty() && unrequested.isEmpty() && finished.isEmpty()
                && pile.isEmpty()) {
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
        meter.cancelledAll();
        meter.publishFinal();
    }

    private void discardHeldItems() {
        Context context = currentContext();
        Operators.onDiscardQueueWithClear(arrivals, context, null);
        Operators.onDiscardQueueWithClear(unrequested, context, null);
        Operators.onDiscardQueueWithClear(outbox, context, null);
        if (cpu != null) {
            cpu.discardWaiting(context);
        }
        Finished<O> item;
        while ((item = finished.poll()) != null) {
            Operators.onDiscard(item.envelope, context);
        }
        pile.clear();
    }
}
