package dev.cartage.deliver;

import reactor.core.publisher.Mono;

/**
 * One run's destination for its outcomes. The deliver stage calls it once per item, with the stage's parallelism
 * (at most that many deliveries are under way at once) and timeout, so every destination gets the same limits.
 */
@FunctionalInterface
public interface OutcomeSink {

    /**
     * Hands one outcome, succeeded or failed, to the destination.
     *
     * @return completes once the outcome has arrived; fails with an {@code ItemException} of type {@code deliver}
     *         when it finally could not be delivered, which makes the item a failed outcome of stage {@code deliver}
     */
    Mono<Void> deliver(Outcome outcome);
}
