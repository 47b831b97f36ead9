package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * How I/O stages retry (Retry-After first, jittered backoff otherwise) and where their timeout applies.
 *
 * <p>Delays run on virtual time, except in {@link #timedInsidePartsRunOneAfterAnotherShareOneBudgetPerAttempt}:
 * the budget of a timed-inside attempt is measured on {@code System.nanoTime}, which virtual time does not move.
 */
class StageSpecRetryTest {

    private static final StageSettings TWO_RETRIES =
            new StageSettings(1, 1, Overflow.BACKPRESSURE, Duration.ofSeconds(10), 2);

    @Test
    void aFailureThatAsksForRetryAfterIsRetriedExactlyThatLaterAndNotBefore() {
        List<Long> attemptsAt = new CopyOnWriteArrayList<>();
        StageSpec<String, String> stage = StageSpec.io(Stage.FETCH, TWO_RETRIES, payload -> {
            attemptsAt.add(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
            return attemptsAt.size() == 1
                    ? Mono.error(overloaded(Duration.ofSeconds(7)))
                    : Mono.just(payload + "!");
        });

        StepVerifier.withVirtualTime(() -> runOne(stage, "page"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(6_999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(item -> assertThat(item.payload()).isEqualTo("page!"))
                .verifyComplete();
        assertThat(attemptsAt).hasSize(2);
        assertThat(attemptsAt.get(1) - attemptsAt.get(0)).isEqualTo(7_000);
    }

    @Test
    void withoutRetryAfterTheBackoffIsJitteredAroundAnExponentialBase() {
        for (int i = 0; i < 200; i++) {
            Duration first = RetryBackoff.delayAfter(overloaded(null), 0);
            Duration third = RetryBackoff.delayAfter(overloaded(null), 2);
            Duration late = RetryBackoff.delayAfter(overloaded(null), 40);
            assertThat(first).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
            assertThat(third).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
            assertThat(late).isBetween(Duration.ofMillis(2_500), RetryBackoff.MAX_BACKOFF);
        }
    }

    @Test
    void retriesStopAfterTheStagesRetriesAndKeepTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        StageSpec<String, String> stage = StageSpec.io(Stage.FETCH, TWO_RETRIES, payload -> {
            attempts.incrementAndGet();
            return Mono.error(overloaded(Duration.ofMillis(10)));
        });

        StepVerifier.withVirtualTime(() -> runOne(stage, "page"))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(item -> {
                    assertThat(item.failure().type()).isEqualTo(FailureType.HTTP_STATUS);
                    assertThat(item.failure().httpStatus()).isEqualTo(503);
                })
                .verifyComplete();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aFinalFailureIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        StageSpec<String, String> stage = StageSpec.io(Stage.FETCH, TWO_RETRIES, payload -> {
            attempts.incrementAndGet();
            return Mono.error(new ItemException(FailureType.ROBOTS, "disallowed"));
        });

        StepVerifier.create(runOne(stage, "page"))
                .assertNext(item -> assertThat(item.failure().type()).isEqualTo(FailureType.ROBOTS))
                .verifyComplete();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void timedInsideTheWaitBeforeTheTimedPartDoesNotCount() {
        StageSettings settings = new StageSettings(1, 1, Overflow.BACKPRESSURE, Duration.ofSeconds(1), 0);
        StageSpec<String, String> stage = StageSpec.ioTimedInside(Stage.FETCH, settings, payload ->
                Mono.delay(Duration.ofSeconds(30))
                        .then(AttemptTimeout.around(Mono.delay(Duration.ofMillis(900)).thenReturn(payload))));

        StepVerifier.withVirtualTime(() -> runOne(stage, "page"))
                .thenAwait(Duration.ofSeconds(31))
                .assertNext(item -> assertThat(item.payload()).isEqualTo("page"))
                .verifyComplete();
    }

    @Test
    void timedInsideTheTimedPartStillTimesOutAsARetryableTimeout() {
        AtomicInteger attempts = new AtomicInteger();
        StageSettings settings = new StageSettings(1, 1, Overflow.BACKPRESSURE, Duration.ofSeconds(1), 1);
        StageSpec<String, String> stage = StageSpec.ioTimedInside(Stage.FETCH, settings, payload -> {
            attempts.incrementAndGet();
            return AttemptTimeout.around(Mono.delay(Duration.ofSeconds(5)).thenReturn(payload));
        });

        StepVerifier.withVirtualTime(() -> runOne(stage, "page"))
                .thenAwait(Duration.ofSeconds(10))
                .assertNext(item -> assertThat(item.failure().type()).isEqualTo(FailureType.TIMEOUT))
                .verifyComplete();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void timedInsidePartsRunOneAfterAnotherShareOneBudgetPerAttempt() {
        StageSettings settings = new StageSettings(1, 1, Overflow.BACKPRESSURE, Duration.ofMillis(300), 0);
        // each part alone fits in the timeout; together they do not (real time: the budget is measured on
        // System.nanoTime, so this is a behaviour check with a wide margin, not a performance assertion)
        StageSpec<String, String> stage = StageSpec.ioTimedInside(Stage.FETCH, settings, payload ->
                AttemptTimeout.around(Mono.delay(Duration.ofMillis(200)))
                        .then(AttemptTimeout.around(Mono.delay(Duration.ofMillis(200)).thenReturn(payload))));

        StepVerifier.create(runOne(stage, "page"))
                .assertNext(item -> assertThat(item.failure().type()).isEqualTo(FailureType.TIMEOUT))
                .verifyComplete();
    }

    @Test
    void aPlainIoStageStillTimesTheWholeAttempt() {
        StageSettings settings = new StageSettings(1, 1, Overflow.BACKPRESSURE, Duration.ofSeconds(1), 0);
        StageSpec<String, String> stage = StageSpec.io(Stage.FETCH, settings, payload ->
                Mono.delay(Duration.ofSeconds(30)).then(AttemptTimeout.around(Mono.just(payload))));

        StepVerifier.withVirtualTime(() -> runOne(stage, "page"))
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(item -> assertThat(item.failure().type()).isEqualTo(FailureType.TIMEOUT))
                .verifyComplete();
    }

    private static ItemException overloaded(Duration retryAfter) {
        return new ItemException(FailureType.HTTP_STATUS, "the origin answered 503", 503, true, null, retryAfter);
    }

    @SuppressWarnings("unchecked")
    private static <I, O> Mono<Envelope<O>> runOne(StageSpec<I, O> stage, I payload) {
        StageWork.Async<I, O> work = (StageWork.Async<I, O>) stage.work();
        return work.work().apply(Envelope.of(0, "item-0", payload));
    }
}
