package dev.cartage.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The per-attempt timeout of a stage built with {@link StageSpec#ioTimedInside}, carried to the work in the
 * Reactor Context as a time budget, so that the work spends it only on the parts of an attempt that should count.
 *
 * <p>Why: the fetch stage waits for a per-host permit before it talks to an origin. That wait is our own
 * politeness, not the origin being slow, so it must not use up the attempt's time: with 256 items for one host
 * and 2 permits, most items would otherwise time out in the queue.
 *
 * <p>Each attempt gets a fresh budget of the stage's timeout. Every part wrapped in {@link #around} may take what
 * is left of it, and what it took is deducted when it ends, so a chain of redirects shares one budget. Parts
 * that run at the same time (requests to mirrors) each start with what is left when they start.
 */
public final class AttemptTimeout {

    private static final Class<Budget> KEY = Budget.class;

    private AttemptTimeout() {
    }

    /**
     * {@code work} limited by what is left of the current attempt's time: it fails with a
     * {@link TimeoutException} (a retryable {@code timeout} failure) when it takes longer. Outside such an attempt
     * (a test, a caller without a stage) {@code work} is returned as it is.
     */
    public static <T> Mono<T> around(Mono<T> work) {
        return Mono.deferContextual(context -> context.<Budget>getOrEmpty(KEY)
                .map(budget -> budget.limit(work))
                .orElse(work));
    }

    /** {@code context} with a fresh budget of {@code timeout}; called once per attempt, at its subscription. */
    static Context put(Context context, Duration timeout) {
        return context.put(KEY, new Budget(timeout.toNanos()));
    }

    /** The time left of one attempt, in nanoseconds of {@link System#nanoTime()}. */
    private static final class Budget {
        private final AtomicLong leftNanos;

        Budget(long nanos) {
            this.leftNanos = new AtomicLong(nanos);
        }

        <T> Mono<T> limit(Mono<T> work) {
            return Mono.defer(() -> {
                long left = leftNanos.get();
                if (left <= 0) {
                    return Mono.error(new TimeoutException("the attempt's time is used up"));
                }
                Charge charge = new Charge(System.nanoTime());
                // charged on the first signal, before it travels on: a flatMap after this part starts the next
                // part on onNext, and that part must see what is left
                return work.timeout(Duration.ofNanos(left))
                        .doOnEach(signal -> charge.once())
                        .doOnCancel(charge::once);
            });
        }

        /** Deducts the time since {@code startNanos} from the budget, once. */
        private final class Charge {
            private final long startNanos;
            private final AtomicBoolean done = new AtomicBoolean();

            Charge(long startNanos) {
                this.startNanos = startNanos;
            }

            void once() {
                if (done.compareAndSet(false, true)) {
                    leftNanos.addAndGet(startNanos - System.nanoTime());
                }
            }
        }
    }
}
