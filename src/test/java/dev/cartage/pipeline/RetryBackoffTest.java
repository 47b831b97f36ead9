package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.cartage.pipeline.RetryBackoff.AskedDelay;

/** The one backoff policy: its jitter bounds, its cap, and how a failure's own delay combines with it. */
class RetryBackoffTest {

    private static final RetryBackoff POLICY = RetryBackoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void eachWaitIsWithinHalfOfItsBaseButNeverBelowTheFirstWaitNorAboveTheCap() {
        for (int i = 0; i < 200; i++) {
            assertThat(POLICY.backoff(0)).isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
            assertThat(POLICY.backoff(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(1_200));
            assertThat(POLICY.backoff(40)).isBetween(Duration.ofMillis(2_500), Duration.ofSeconds(5));
            assertThat(POLICY.backoff(Long.MAX_VALUE)).isBetween(Duration.ofMillis(2_500), Duration.ofSeconds(5));
        }
    }

    @Test
    void anAskedDelayPrecedesTheBackoffWhenToldSo() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> twice = failOnce(attempts)
                .retryWhen(POLICY.upTo(1, failure -> true, failure -> Duration.ofSeconds(3), AskedDelay.PRECEDES_BACKOFF));

        StepVerifier.withVirtualTime(() -> twice)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(3_199))
                .thenAwait(Duration.ofMillis(101))
                .expectNext("second")
                .verifyComplete();
    }

    @Test
    void anAskedDelayReplacesTheBackoffWhenToldSo() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> twice = failOnce(attempts)
                .retryWhen(POLICY.upTo(1, failure -> true, failure -> Duration.ofSeconds(3), AskedDelay.REPLACES_BACKOFF));

        StepVerifier.withVirtualTime(() -> twice)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("second")
                .verifyComplete();
    }

    @Test
    void aFailureNotWorthRetryingEndsAtOnceWithItself() {
        IllegalStateException fatal = new IllegalStateException("no");
        Mono<String> once = Mono.<String>error(fatal)
                .retryWhen(POLICY.upTo(3, failure -> false, failure -> null, AskedDelay.PRECEDES_BACKOFF));

        StepVerifier.create(once)
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(fatal))
                .verify(Duration.ofSeconds(1));
    }

    private static Mono<String> failOnce(AtomicInteger attempts) {
        return Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("busy"))
                : Mono.just("second"));
    }
}
