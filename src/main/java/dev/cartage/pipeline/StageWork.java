package dev.cartage.pipeline;

import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The per-item work of a stage, already wrapped so that it never signals an error: a failure comes back as a
 * failed envelope. {@link Async} work is I/O and completes later on someone else's thread; {@link Cpu} work is
 * computed by the stage's workers on a bounded scheduler.
 */
sealed interface StageWork<I, O> {

    /** Whether items that failed earlier still go through the work (a sink delivers failure records too). */
    boolean acceptsFailures();

    record Async<I, O>(Function<Envelope<I>, Mono<Envelope<O>>> work, boolean acceptsFailures)
            implements StageWork<I, O> {
    }

    record Cpu<I, O>(Function<Envelope<I>, Envelope<O>> work, Scheduler scheduler)
            implements StageWork<I, O> {
        @Override
        public boolean acceptsFailures() {
            return false;
        }
    }
}
