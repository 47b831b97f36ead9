package dev.cartage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Proves BlockHound is really installed, so that the other tests' silence about blocking means something. */
class BlockHoundSessionTest {

    @Test
    void blockingOnANonBlockingThreadFails() {
        StepVerifier.create(Mono.fromCallable(() -> {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    return "slept";
                }).subscribeOn(Schedulers.parallel()))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("Blocking call"))
                .verify(Duration.ofSeconds(5));
    }
}
