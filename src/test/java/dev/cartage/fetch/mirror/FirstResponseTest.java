package dev.cartage.fetch.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The replicated query on virtual time, with mirrors that answer after set delays: who is asked when, who wins,
 * who is cancelled, and what an item fails with when no mirror answers.
 */
class FirstResponseTest {

    private static final URI A = URI.create("http://a.test/x");
    private static final URI B = URI.create("http://b.test/x");
    private static final URI C = URI.create("http://c.test/x");

    private final Mirrors mirrors = new Mirrors();

    /** A script that waits for a signal that never comes fails after this instead of hanging the build. */
    @BeforeAll
    static void boundTheWait() {
        StepVerifier.setDefaultTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void restoreTheWait() {
        StepVerifier.resetDefaultTimeout();
    }

    @Test
    void withoutHedgingAllAreAskedAtOnceTheFirstGoodAnswerWinsAndTheOthersAreCancelled() {
        mirrors.answer(A, Duration.ofSeconds(3));
        mirrors.answer(B, Duration.ofSeconds(1));
        mirrors.fail(C, Duration.ZERO, new ItemException(FailureType.CONNECTION, "refused"));

        StepVerifier.withVirtualTime(() -> FirstResponse.race(List.of(A, B, C), null, mirrors::ask))
                .expectSubscription()
                .then(() -> assertThat(mirrors.asked()).containsOnlyKeys(A, B, C))
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("b.test")
                .verifyComplete();

        assertThat(mirrors.cancelled()).containsOnlyKeys(A);
    }

    @Test
    void aFailureNeverWinsEvenWhenItComesFirst() {
        mirrors.fail(A, Duration.ZERO, new ItemException(FailureType.HTTP_STATUS, "the origin answered 503", 503, true, null));
        mirrors.answer(B, Duration.ofSeconds(2));

        StepVerifier.withVirtualTime(() -> FirstResponse.race(List.of(A, B), null, mirrors::ask))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(2))
                .expectNext("b.test")
                .verifyComplete();
    }

    @Test
    void withHedgingTheNextMirrorIsAskedOnlyAfterTheDelayAndTheSlowFirstIsCancelled() {
        mirrors.answer(A, Duration.ofSeconds(10));
        mirrors.answer(B, Duration.ofSeconds(1));
        mirrors.answer(C, Duration.ofMillis(1));

        StepVerifier.withVirtualTime(() -> FirstResponse.race(List.of(A, B, C), Duration.ofSeconds(2), mirrors::ask))
                .expectSubscription()
                .then(() -> assertThat(mirrors.asked()).containsOnlyKeys(A))
                .expectNoEvent(Duration.ofMillis(1999))
                .then(() -> assertThat(mirrors.asked()).containsOnlyKeys(A))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(mirrors.asked()).containsOnlyKeys(A, B))
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("b.test")
                .verifyComplete();

        assertThat(mirrors.cancelled()).containsOnlyKeys(A);
        assertThat(mirrors.asked()).doesNotContainKey(C);
    }

    @Test
    void withHedgingAQuickFirstAnswerMeansTheSecondMirrorIsNeverAsked() {
        mirrors.answer(A, Duration.ofMillis(100));
        mirrors.answer(B, Duration.ofMillis(1));

        StepVerifier.withVirtualTime(() -> FirstResponse.race(List.of(A, B), Duration.ofSeconds(2), mirrors::ask))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .expectNext("a.test")
                .verifyComplete();
        // the hedge timer went with the race: nothing is asked later either
        StepVerifier.withVirtualTime(() -> FirstResponse.race(List.of(A, B), Duration.ofSeconds(2), mirrors::ask)
                        .then(Mono.delay(Duration.ofHours(1))))
                .thenAwait(Duration.ofHours(2))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(mirrors.asked()).containsOnlyKeys(A);
        assertThat(mirrors.asked().get(A)).hasValue(2);
    }

    @Test
    void withHedgingAFailureAsksTheNextMirrorAtOnceInsteadOfWaitingForTheDelay() {
        mirrors.fail(A, Duration.ofMillis(500), new ItemException(FailureType.CONNECTION, "reset", null, true, null));
        mirrors.answer(B, Duration.ofSeconds(1));

        StepVerifier.withVirtualTime(() -> FirstResponse.race(List.of(A, B), Duration.ofHours(1), mirrors::ask))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1500))
                .expectNext("b.test")
                .verifyComplete();
    }

    @Test
    void whenAllFailTheOriginsOwnAnswerIsReportedRetryableIfAnyMirrorMightRecoverAndEveryFailureIsNamed() {
        mirrors.fail(A, Duration.ZERO, new ItemException(FailureType.CONNECTION, "could not reach " + A, null, true, null));
        mirrors.fail(B, Duration.ofMillis(5), new ItemException(FailureType.HTTP_STATUS, "the origin answered 404 for " + B, 404, false, null));
        mirrors.fail(C, Duration.ZERO, new ItemException(FailureType.BLOCKED, C + " is not allowed"));

        StepVerifier.withVirtualTime(() -> FirstResponse.race(List.of(A, B, C), null, mirrors::ask))
                .thenAwait(Duration.ofMillis(5))
                .expectErrorSatisfies(error -> {
                    ItemException failure = (ItemException) error;
                    assertThat(failure.type()).isEqualTo(FailureType.HTTP_STATUS);
                    assertThat(failure.httpStatus()).isEqualTo(404);
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).startsWith("all 3 mirrors failed; the origin answered 404")
                            .contains("could not reach " + A, C + " is not allowed");
                })
                .verify();
    }

    @Test
    void whenAllFailWithOnlyFinalErrorsTheItemIsNotRetried() {
        mirrors.fail(A, Duration.ZERO, new ItemException(FailureType.BLOCKED, A + " is not allowed"));
        mirrors.fail(B, Duration.ZERO, new ItemException(FailureType.HTTP_STATUS, "the origin answered 410", 410, false, null));

        StepVerifier.create(FirstResponse.race(List.of(A, B), Duration.ofSeconds(1), mirrors::ask))
                .expectErrorSatisfies(error -> {
                    assertThat(((ItemException) error).httpStatus()).isEqualTo(410);
                    assertThat(((ItemException) error).retryable()).isFalse();
                })
                .verify(Duration.ofSeconds(5));
    }

    /** Fake mirrors: each URL answers its host name (or fails) after a set delay; counts asks and lost races. */
    private static final class Mirrors {
        private final Map<URI, Supplier<Mono<String>>> behaviour = new ConcurrentHashMap<>();
        private final Map<URI, AtomicInteger> asked = new ConcurrentHashMap<>();
        private final Map<URI, AtomicInteger> cancelled = new ConcurrentHashMap<>();

        void answer(URI url, Duration after) {
            behaviour.put(url, () -> Mono.delay(after).thenReturn(url.getHost()));
        }

        void fail(URI url, Duration after, Throwable error) {
            behaviour.put(url, () -> Mono.delay(after).then(Mono.error(error)));
        }

        Mono<String> ask(URI url) {
            asked.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
            // the winner is cancelled too, right after its answer (the race stops everything once it has one):
            // only a cancel before an answer is a lost race
            AtomicBoolean answered = new AtomicBoolean();
            return behaviour.get(url).get()
                    .doOnNext(answer -> answered.set(true))
                    .doOnCancel(() -> {
                        if (!answered.get()) {
                            cancelled.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
                        }
                    });
        }

        Map<URI, AtomicInteger> asked() {
            return asked;
        }

        Map<URI, AtomicInteger> cancelled() {
            return cancelled;
        }
    }
}
