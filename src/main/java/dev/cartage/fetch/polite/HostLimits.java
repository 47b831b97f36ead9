package dev.cartage.fetch.polite;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Per-host limits without blocking: at most {@code capacity} requests in flight to one host (an async permit,
 * waiters served first come first served) and a least interval between the starts of two requests to one host
 * (a timer, never a sleep).
 *
 * <p>A permit is released when the request completes, fails or is cancelled; a request cancelled while it waits
 * leaves the queue. Hosts are tracked only while they are in use or still have a start interval to honour, so the
 * map stays as small as the set of hosts being fetched; lanes that linger for their interval are swept now and
 * then by later arrivals.
 *
 * <p>Metrics: {@code cartage.fetch.host.permit.waits} (requests that had to queue),
 * {@code cartage.fetch.host.permit.wait} (how long they queued), {@code cartage.fetch.hosts.tracked}.
 */
final class HostLimits {

    /** Every this many arrivals, idle lanes kept only for their start interval are looked at again. */
    private static final int SWEEP_EVERY = 256;

    private final Map<String, HostLane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final int capacity;
    private final Scheduler timer;
    private final LongSupplier nanoClock;
    private final Counter queued;
    private final Timer waits;

    /**
     * @param capacity  requests in flight per host
     * @param timer     where start delays are scheduled
     * @param nanoClock the monotonic clock start intervals are measured with
     */
    HostLimits(int capacity, Scheduler timer, LongSupplier nanoClock, MeterRegistry meters) {
        this.capacity = capacity;
        this.timer = timer;
        this.nanoClock = nanoClock;
        this.queued = meters.counter("cartage.fetch.host.permit.waits");
        this.waits = meters.timer("cartage.fetch.host.permit.wait");
        Gauge.builder("cartage.fetch.hosts.tracked", lanes, Map::size).register(meters);
    }

    /**
     * {@code request}, subscribed once it holds a permit for {@code host} and its start slot has come: at least
     * {@code interval} after the previous start at that host. A failure carrying a {@code Retry-After} also
     * holds back the host's next starts by that much. Cancelling the result releases the permit or leaves the
     * queue.
     */
    <T> Mono<T> run(String host, Duration interval, Mono<T> request) {
        return Mono.usingWhen(acquire(host),
                permit -> startInTurn(permit.lane(), interval, request),
                HostLimits::release,
                (permit, error) -> release(permit),
                HostLimits::release);
    }

    /** Hosts currently tracked. */
    int hostsTracked() {
        return lanes.size();
    }

    /** Forgets lanes that are idle and whose start interval has passed. */
    void sweep() {
        lanes.values().forEach(HostLane::retireIfIdle);
    }

    long nowNanos() {
        return nanoClock.getAsLong();
    }

    void forget(String host, HostLane lane) {
        lanes.remove(host, lane);
    }

    void waited(long sinceNanos) {
        waits.record(nowNanos() - sinceNanos, TimeUnit.NANOSECONDS);
    }

    private Mono<HostLane.Permit> acquire(String host) {
        return Mono.create(sink -> {
            HostLane lane = enter(host);
            HostLane.Waiter waiter = lane.arrive(sink, nowNanos());
            sink.onCancel(() -> lane.leave(waiter));
            if (waiter.queued()) {
                queued.increment();
            } else {
                sink.success(waiter.permit());
            }
        });
    }

    private HostLane enter(String host) {
        if (arrivals.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        while (true) {
            HostLane lane = lanes.computeIfAbsent(host, name -> new HostLane(name, capacity, this));
            if (lane.enter()) {
                return lane;
            }
        }
    }

    private <T> Mono<T> startInTurn(HostLane lane, Duration interval, Mono<T> request) {
        return Mono.defer(() -> {
            long waitNanos = lane.reserveStart(interval.toNanos(), nowNanos());
            Mono<T> watched = request.doOnError(error -> pauseIfAsked(lane, error));
            return waitNanos <= 0 ? watched : Mono.delay(Duration.ofNanos(waitNanos), timer).then(watched);
        });
    }

    private void pauseIfAsked(HostLane lane, Throwable error) {
        if (error instanceof ItemException item && item.retryable() && item.retryAfter() != null) {
            lane.pauseUntil(nowNanos() + item.retryAfter().toNanos());
        }
    }

    private static Mono<Void> release(HostLane.Permit permit) {
        return Mono.fromRunnable(permit::release);
    }
}
