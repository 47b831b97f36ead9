package dev.cartage.pipeline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * When a failed attempt is tried again: only after a retryable failure, at most {@code retries} times, after a
 * jittered exponential backoff (the first wait, doubled each time, capped, each within ±50% but never below the
 * first wait nor above the cap) so that attempts that failed together do not come back together. Exhausted or
 * final failures end with the last failure. The I/O stages retry their items with {@link #upTo(int)}; a sink with
 * retries of its own (the webhook's) builds its policy here too, from its own settings.
 *
 * <p>A failure may ask for its own delay (an HTTP {@code Retry-After}); {@link AskedDelay} says how it combines
 * with the backoff.
 */
public final class RetryBackoff {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final double JITTER = 0.5;
    private static final RetryBackoff STAGES = exponential(FIRST_BACKOFF, MAX_BACKOFF);

    private final long firstMillis;
    private final long maxMillis;

    private RetryBackoff(Duration first, Duration max) {
        this.firstMillis = Math.max(1, first.toMillis());
        this.maxMillis = Math.max(firstMillis, max.toMillis());
    }

    /**
     * What a failure's own delay does to the backoff.
     */
    public enum AskedDelay {
        /**
         * The asked delay is waited instead of the backoff: an I/O stage's origin named the moment it can answer,
         * and the fetch stage's per-host lanes already space the attempts to one host.
         */
        REPLACES_BACKOFF,
        /**
         * The asked delay is waited, then the backoff: the next attempt never comes earlier than asked, and the
         * jitter after it spreads the attempts of every item that was told the same delay, where no per-host lane
         * does (a webhook receiver).
         */
        PRECEDES_BACKOFF
    }

    /**
     * A backoff starting at {@code first} and doubling up to {@code max}.
     *
     * @param first the wait before the first retry, also the least any wait is; at least 1 ms
     * @param max   the longest wait, at least {@code first}
     */
    public static RetryBackoff exponential(Duration first, Duration max) {
        return new RetryBackoff(first, max);
    }

    /** The I/O stages' policy: up to {@code retries} extra attempts after a retryable {@link ItemException}. */
    static Retry upTo(int retries) {
        return STAGES.upTo(retries, ItemFailures::retryable, RetryBackoff::askedByItem, AskedDelay.REPLACES_BACKOFF);
    }

    /** How long an I/O stage waits before retry number {@code retry} (0 for the first) after {@code failure}. */
    static Duration delayAfter(Throwable failure, long retry) {
        return STAGES.delayAfter(failure, retry, RetryBackoff::askedByItem, AskedDelay.REPLACES_BACKOFF);
    }

    /**
     * A retry policy allowing up to {@code retries} extra attempts.
     *
     * @param retries   the extra attempts; 0 retries nothing
     * @param retryable whether a failure is worth another attempt; any other fails at once
     * @param asked     the delay a failure asks for, or null when it asks for none
     * @param combined  how an asked delay combines with the backoff
     */
    public Retry upTo(int retries, Predicate<Throwable> retryable, Function<Throwable, Duration> asked,
                      AskedDelay combined) {
        return Retry.from(failures -> failures.concatMap(signal -> next(signal, retries, retryable, asked, combined)));
    }

    /** The jittered backoff before retry number {@code retry}, asked delays aside. */
    Duration backoff(long retry) {
        int doublings = (int) Math.min(retry, 62);
        long base = firstMillis > maxMillis >> doublings ? maxMillis : firstMillis << doublings;
        long spread = Math.round(base * JITTER);
        long low = Math.max(firstMillis, base - spread);
        long high = Math.min(maxMillis, base + spread);
        return Duration.ofMillis(high <= low ? low : ThreadLocalRandom.current().nextLong(low, high + 1));
    }

    private Duration delayAfter(Throwable failure, long retry, Function<Throwable, Duration> asked,
                                AskedDelay combined) {
        Duration askedDelay = asked.apply(failure);
        if (askedDelay == null) {
            return backoff(retry);
        }
        return combined == AskedDelay.REPLACES_BACKOFF ? askedDelay : askedDelay.plus(backoff(retry));
    }

    private Mono<Long> next(Retry.RetrySignal signal, int retries, Predicate<Throwable> retryable,
                            Function<Throwable, Duration> asked, AskedDelay combined) {
        Throwable failure = signal.failure();
        if (signal.totalRetries() >= retries || !retryable.test(failure)) {
            return Mono.error(failure);
        }
        return Mono.delay(delayAfter(failure, signal.totalRetries(), asked, combined));
    }

    private static Duration askedByItem(Throwable failure) {
        return failure instanceof ItemException item ? item.retryAfter() : null;
    }
}
