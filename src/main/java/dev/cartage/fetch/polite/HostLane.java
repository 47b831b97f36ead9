package dev.cartage.fetch.polite;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.MonoSink;

/**
 * The requests of one host: at most {@code capacity} hold a permit at once, the others wait in arrival order;
 * and the starts of requests are spaced by the interval the caller asks for (a delay or a Crawl-delay).
 *
 * <p>State changes happen under the lane's monitor, a few instructions each and never across a signal, so
 * event-loop threads never wait long; permits are handed over by completing the waiter's sink outside it.
 * A lane with no holder, no waiter and no spacing still to honour retires itself from its {@link HostLimits}.
 */
final class HostLane {

    private final String host;
    private final int capacity;
    private final HostLimits owner;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int holders;
    private int users;
    private long nextStartNanos = Long.MIN_VALUE;
    private boolean retired;

    HostLane(String host, int capacity, HostLimits owner) {
        this.host = host;
        this.capacity = capacity;
        this.owner = owner;
    }

    /** Joins the lane, or returns false if it has retired (the caller then asks its owner for a fresh one). */
    synchronized boolean enter() {
        if (retired) {
            return false;
        }
        users++;
        return true;
    }

    /**
     * Takes a free permit, or queues {@code sink} for the next one. The returned waiter says which: when
     * {@link Waiter#queued()} is false the caller hands {@link Waiter#permit()} to {@code sink} itself; otherwise
     * the holder that releases next does.
     */
    Waiter arrive(MonoSink<Permit> sink, long nowNanos) {
        synchronized (this) {
            boolean free = holders < capacity && waiting.isEmpty();
            Waiter waiter = new Waiter(sink, new Permit(this), !free, nowNanos);
            if (free) {
                holders++;
                waiter.granted = true;
            } else {
                waiting.addLast(waiter);
            }
            return waiter;
        }
    }

    /** {@code waiter} was cancelled: it leaves the queue, or gives back the permit it may have been handed. */
    void leave(Waiter waiter) {
        boolean handedOver;
        synchronized (this) {
            handedOver = waiter.granted;
            if (!handedOver && waiting.remove(waiter)) {
                users--;
                retireIfIdle();
            }
        }
        if (handedOver) {
            waiter.permit.release();
        }
    }

    /**
     * Reserves the next start slot for a permit holder and returns how long it must wait for it, in nanoseconds:
     * the start after the previous one plus {@code intervalNanos}, or a pause asked for by the origin.
     */
    synchronized long reserveStart(long intervalNanos, long nowNanos) {
        long start = Math.max(nowNanos, nextStartNanos);
        nextStartNanos = intervalNanos > 0 ? start + intervalNanos : Math.max(nextStartNanos, start);
        return start - nowNanos;
    }

    /** No request to this host starts before {@code untilNanos} (an origin's {@code Retry-After}). */
    synchronized void pauseUntil(long untilNanos) {
        nextStartNanos = Math.max(nextStartNanos, untilNanos);
    }

    /** Retires the lane if nobody uses it and no start slot is still reserved. */
    synchronized void retireIfIdle() {
        if (!retired && users == 0 && nextStartNanos <= owner.nowNanos()) {
            retired = true;
            owner.forget(host, this);
        }
    }

    private void release() {
        Waiter next;
        synchronized (this) {
            users--;
            next = waiting.pollFirst();
            if (next != null) {
                next.granted = true;
            } else {
                holders--;
                retireIfIdle();
            }
        }
        if (next != null) {
            owner.waited(next.arrivedNanos);
            next.sink.success(next.permit);
        }
    }

    /** A request waiting for, or holding, a permit of this lane. */
    static final class Waiter {
        private final MonoSink<Permit> sink;
        private final Permit permit;
        private final boolean queued;
        private final long arrivedNanos;
        private boolean granted;

        private Waiter(MonoSink<Permit> sink, Permit permit, boolean queued, long arrivedNanos) {
            this.sink = sink;
            this.permit = permit;
            this.queued = queued;
            this.arrivedNanos = arrivedNanos;
        }

        /** Whether the waiter had to queue; if not, it holds its permit already. */
        boolean queued() {
            return queued;
        }

        Permit permit() {
            return permit;
        }
    }

    /** The right to send one request to the host; released exactly once, however often it is released. */
    static final class Permit {
        private final HostLane lane;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(HostLane lane) {
            this.lane = lane;
        }

        HostLane lane() {
            return lane;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                lane.release();
            }
        }
    }
}
