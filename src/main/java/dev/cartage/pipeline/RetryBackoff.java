package dev.cartage.pipeline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * When an I/O stage tries an item again: only after a retryable failure, at most {@code retries} times, and after
 * the delay the failure asked for ({@link ItemException#retryAfter()}, an origin's {@code Retry-After}) or else
 * a jittered exponential backoff (100 ms, 200 ms, 400 ms ... capped at 5 s, each ±50%) so that items that failed
 * together do not come back together. Exhausted or final failures end the item with the last failure.
 */
final class RetryBackoff {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final double JITTER = 0.5;

    private RetryBackoff() {
    }

    /** A retry policy allowing up to {@code retries} extra attempts. */
    static Retry upTo(int retries) {
        return Retry.from(failures -> failures.concatMap(signal -> next(signal, retries)));
    }

    /** How long to wait before retry number {@code retry} (0 for the first) after {@code failure}. */
    static Duration delayAfter(Throwable failure, long retry) {
        if (failure instanceof ItemException item && item.retryAfter() != null) {
            return item.retryAfter();
        }
        long base = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(retry, 16));
        double factor = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), Math.max(1, Math.round(base * factor))));
    }

    private static Mono<Long> next(Retry.RetrySignal signal, int retries) {
        Throwable failure = signal.failure();
        if (signal.totalRetries() >= retries || !ItemFailures.retryable(failure)) {
            return Mono.error(failure);
        }
        return Mono.delay(delayAfter(failure, signal.totalRetries()));
    }
}
