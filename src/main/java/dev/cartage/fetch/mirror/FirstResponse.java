package dev.cartage.fetch.mirror;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The replicated query: ask the mirrors, keep the first good answer, cancel the rest.
 *
 * <p>Without a hedge delay every mirror is asked at once. With one, the mirrors are asked in request order: the
 * next one joins when the ones asked so far have had {@code hedgeAfter} without an answer, or at once when the
 * latest one failed, so a mirror that fails fast costs no waiting. A failure never wins; the first good answer
 * cancels every request still going and every timer not yet fired (cancelling a Reactor Netty request closes its
 * connection, which the losing origin sees). When all fail, the item fails with {@link MirrorFailures#allFailed}.
 *
 * <p>Nothing is asked before subscription, and each subscription (a retry, say) races afresh.
 */
final class FirstResponse<T> {

    private final List<URI> urls;
    private final Duration hedgeAfter;
    private final Function<URI, Mono<T>> attempt;
    private final AtomicReferenceArray<Throwable> errors;

    private FirstResponse(List<URI> urls, Duration hedgeAfter, Function<URI, Mono<T>> attempt) {
        this.urls = urls;
        this.hedgeAfter = hedgeAfter;
        this.attempt = attempt;
        this.errors = new AtomicReferenceArray<>(urls.size());
    }

    /**
     * The first good answer of {@code attempt} over {@code urls}.
     *
     * @param hedgeAfter how long the mirrors asked so far get before the next one is asked; null or zero asks all
     *                   at once
     */
    static <T> Mono<T> race(List<URI> urls, Duration hedgeAfter, Function<URI, Mono<T>> attempt) {
        return Mono.defer(() -> new FirstResponse<>(urls, hedgeAfter, attempt).run());
    }

    private Mono<T> run() {
        Flux<T> answers = hedgeAfter == null || hedgeAfter.isZero() ? all() : from(0);
        return answers.next()
                .switchIfEmpty(Mono.error(() -> MirrorFailures.allFailed(urls, recordedErrors())));
    }

    /** Every mirror at once; each may answer at most one value, so the inner prefetch is 1. */
    private Flux<T> all() {
        return Flux.range(0, urls.size())
                .flatMap(i -> answerOrNothing(i, null), urls.size(), 1);
    }

    /** Mirror {@code i} now, and the later ones after the hedge delay or as soon as mirror {@code i} fails. */
    private Flux<T> from(int i) {
        if (i == urls.size() - 1) {
            return answerOrNothing(i, null).flux();
        }
        Sinks.Empty<Void> failed = Sinks.empty();
        Mono<Void> nextTurn = Mono.firstWithSignal(Mono.delay(hedgeAfter).then(), failed.asMono());
        return Flux.merge(1, answerOrNothing(i, failed), nextTurn.thenMany(Flux.defer(() -> from(i + 1))));
    }

    /** Mirror {@code i}'s answer, or, if it fails, nothing (the failure is recorded and {@code failed} told). */
    private Mono<T> answerOrNothing(int i, Sinks.Empty<Void> failed) {
        URI url = urls.get(i);
        return Mono.defer(() -> attempt.apply(url))
                .switchIfEmpty(Mono.error(() -> new ItemException(FailureType.INTERNAL, url + " gave no answer")))
                .onErrorResume(error -> {
                    errors.set(i, error);
                    if (failed != null) {
                        failed.tryEmitEmpty();
                    }
                    return Mono.empty();
                });
    }

    private List<Throwable> recordedErrors() {
        List<Throwable> recorded = new ArrayList<>(errors.length());
        for (int i = 0; i < errors.length(); i++) {
            recorded.add(errors.get(i));
        }
        return recorded;
    }
}
