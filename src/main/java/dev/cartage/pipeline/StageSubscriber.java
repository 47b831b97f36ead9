package dev.cartage.pipeline;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import org.reactivestreams.Subscription;

import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.Scannable;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * The per-subscription state of a {@link FluxStage}. One drain loop, serialised by {@code wip}, alone starts work,
 * moves finished items through the {@link StageBuffer} to the next stage, asks upstream for more and signals the
 * end; upstream, downstream and the workers only put signals into concurrent queues and call {@link #drain()}.
 *
 * <p>An item's path: {@link #onNext} → {@link #takeArrivals} → {@link #start} → its {@link Workers} →
 * {@link #workFinished} → {@link #takeFinished} → {@link StageBuffer#hold} → {@link #emit}
 * ({@link StageBuffer#poll}) → the next stage; what the next stage does not take yet is admitted to the buffer by
 * {@link StageBuffer#admitHeld}.
 *
 * <p>The control state (what is being worked on, what was asked for) lives here; the {@link StageMeter} only
 * observes. How the stage ends is decided once by its {@link StageEnd}, so a failure racing completion or cancel
 * yields exactly one terminal signal.
 */
final class StageSubscriber<I, O> implements CoreSubscriber<Envelope<I>>, Subscription, Scannable {

    private final CoreSubscriber<? super Envelope<O>> actual;
    private final StagePlan<I, O> plan;
    private final StageMeter meter;
    private final int parallelism;
    private final Overflow overflow;
    private final int upstreamLimit;
    private final StageBuffer<O> buffer;

    // Cross-thread hand-offs into the drain loop. Each holds at most `parallelism` items while upstream honours
    // demand, because the stage never has more than that requested or in work. Arrivals come from one producer at
    // a time (Reactive Streams serialises onNext), so a bounded single-producer array queue serves without
    // allocating per item; whatever does not fit came from a source ignoring demand and waits in `unrequested`.
    private final Queue<Envelope<I>> arrivals;
    private final Queue<Envelope<I>> unrequested = new ConcurrentLinkedQueue<>();
    private final Queue<Finished<O>> finished = new ConcurrentLinkedQueue<>();
    private final Workers<I, O> workers;

    private Subscription upstream;
    /** Upstream has signalled its end. */
    private volatile boolean done;
    private final StageEnd end = new StageEnd();
    /** Demand from downstream not yet met. */
    private volatile long requested;
    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<StageSubscriber> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(StageSubscriber.class, "requested");
    private volatile int wip;
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<StageSubscriber> WIP =
            AtomicIntegerFieldUpdater.newUpdater(StageSubscriber.class, "wip");

    // Owned by the drain loop (`ended`, the end was signalled, is volatile only so that a scan may read it).
    private volatile boolean ended;
    /** Items requested from upstream and not yet received. */
    private long outstanding;
    /** Items given to the workers and not yet back; with the buffer's held items, what the stage has in flight. */
    private long working;
    private long nextIndex;

    StageSubscriber(CoreSubscriber<? super Envelope<O>> actual, StagePlan<I, O> plan) {
        this.actual = actual;
        this.plan = plan;
        this.meter = plan.meter();
        this.parallelism = plan.settings().parallelism();
        this.overflow = plan.settings().overflow();
        this.upstreamLimit = upstreamLimit(plan.settings());
        this.arrivals = Queues.<Envelope<I>>get(parallelism).get();
        this.buffer = new StageBuffer<>(plan, envelope -> Operators.onDiscard(envelope, currentContext()));
        this.workers = Workers.of(this, plan);
    }

    /**
     * The most items a stage asks upstream for and has not yet received: one per worker, and never more than its
     * {@code buffer} (at least 1, so that a stage without a buffer still pulls). Reactor's scans report it as
     * {@code PREFETCH}.
     */
    static int upstreamLimit(StageSettings settings) {
        return Math.min(settings.parallelism(), Math.max(1, settings.buffer()));
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
        if (done || end.isOver()) {
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
        fail(t);
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
        if (end.cancel()) {
            upstream.cancel();
            workers.stop(currentContext());
            drain();
        }
    }

    @Override
    public Object scanUnsafe(Attr key) {
        if (key == Attr.PARENT) return upstream;
        if (key == Attr.ACTUAL) return actual;
        if (key == Attr.NAME) return plan.stage().wireName();
        if (key == Attr.PREFETCH) return upstreamLimit;
        if (key == Attr.CAPACITY) return plan.settings().buffer();
        if (key == Attr.BUFFERED) return buffer.size();
        if (key == Attr.REQUESTED_FROM_DOWNSTREAM) return requested;
        if (key == Attr.CANCELLED) return end.isCancelled();
        if (key == Attr.TERMINATED) return ended && !end.isCancelled();
        if (key == Attr.ERROR) return end.failure();
        if (key == Attr.RUN_STYLE) return Attr.RunStyle.ASYNC;
        return null;
    }

    // ---- called by the workers ----

    Stage stage() {
        return plan.stage();
    }

    /** Whether the stage has stopped (cancelled or failed), so that work not yet begun should be discarded. */
    boolean isStopped() {
        return end.isOver();
    }

    /** A piece of work finished: hand it to the drain loop. */
    void workFinished(Finished<O> item) {
        finished.offer(item);
        drain();
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
            if (ended) {
                // late results of work that was running when the stage stopped
                discardWaiting();
            } else if (end.isCancelled()) {
                endCancelled();
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
        emit();
        StageOverflowException overflowed = buffer.admitHeld();
        if (overflowed != null) {
            fail(overflowed);
        }
        long more = requestMore();
        meter.demand(outstanding);
        // no new signal since this pass began: the loop is about to go idle, so publish exact counters
        meter.publish(wip == missed);
        if (more > 0) {
            upstream.request(more);
        }
        endIfDone();
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
            buffer.shedOnArrival(nextIndex++, item.withFailure(ItemFailures.dropped(plan.stage())));
        } else {
            Operators.onDiscard(item, currentContext());
            if (end.isOver()) {
                // the run already failed, most likely on this source's first unrequested item
                return;
            }
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
            buffer.hold(new Finished<>(index, item.passThrough(), 0, failedHere));
            return;
        }
        working++;
        workers.start(item, index);
    }

    private void takeFinished() {
        Finished<O> item;
        while ((item = finished.poll()) != null) {
            working--;
            meter.recordLatency(item.nanos());
            item.envelope().timings().record(plan.stage(), item.nanos());
            buffer.hold(item);
        }
    }

    /** Hands the next stage as many items as it asked for, unless the stage has stopped meanwhile. */
    private void emit() {
        long wanted = requested;
        long sent = 0;
        Envelope<O> item;
        while (sent != wanted && !end.isOver() && (item = buffer.poll()) != null) {
            actual.onNext(item);
            sent++;
        }
        if (sent != 0 && wanted != Long.MAX_VALUE) {
            REQUESTED.addAndGet(this, -sent);
        }
    }

    /**
     * Counts and returns how many more items to ask upstream for: one per free worker, and never more outstanding
     * than the upstream limit. A worker holding a finished item the buffer has no room for is not free: that is the
     * backpressure.
     */
    private long requestMore() {
        if (done || end.isOver()) {
            return 0;
        }
        long free = parallelism - inFlight() - outstanding;
        long more = Math.max(0, Math.min(free, upstreamLimit - outstanding));
        outstanding += more;
        return more;
    }

    /** Items being worked on, or finished and held by their worker because the buffer has no room for them. */
    private long inFlight() {
        return working + buffer.heldCount();
    }

    /** Signals the end downstream once: a failure at once, completion when upstream is done and nothing is left. */
    private void endIfDone() {
        if (end.isCancelled()) {
            // cancel() raised wip: the next pass lets everything go
            return;
        }
        Throwable failure = end.failure();
        if (failure != null) {
            ended = true;
            upstream.cancel();
            discardWaiting();
            meter.publishFinal();
            actual.onError(failure);
            return;
        }
        if (done && working == 0 && arrivals.isEmpty() && unrequested.isEmpty() && finished.isEmpty()
                && buffer.isEmpty() && end.complete()) {
            ended = true;
            meter.publishFinal();
            actual.onComplete();
        }
    }

    /** Ends the run with {@code failure} unless it has already ended; a failure that comes too late is dropped. */
    private void fail(Throwable failure) {
        if (!end.fail(failure)) {
            Operators.onErrorDropped(failure, currentContext());
        }
    }

    private void endCancelled() {
        ended = true;
        discardWaiting();
        meter.cancelledAll();
        meter.publishFinal();
    }

    /** Hands every item the stage holds, in any queue, to the discard hook. */
    private void discardWaiting() {
        Context context = currentContext();
        Operators.onDiscardQueueWithClear(arrivals, context, null);
        Operators.onDiscardQueueWithClear(unrequested, context, null);
        workers.stop(context);
        Finished<O> item;
        while ((item = finished.poll()) != null) {
            Operators.onDiscard(item.envelope(), context);
        }
        buffer.clear();
    }
}
