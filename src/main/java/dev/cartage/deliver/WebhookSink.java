package dev.cartage.deliver;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import dev.cartage.pipeline.RetryBackoff;
import dev.cartage.pipeline.RetryBackoff.AskedDelay;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run's webhook: POSTs each outcome as JSON with {@code Idempotency-Key: {runId}-{seq}}, the same key on
 * every attempt so that a receiver can drop the duplicates a lost answer causes. A 2xx delivers. A 5xx, 429,
 * timeout or connection error is tried again, up to {@code retries} times, after the engine's jittered exponential
 * backoff ({@link RetryBackoff}) from this sink's own settings, preceded by the receiver's {@code Retry-After},
 * capped, when it gave one; anything else fails at once.
 * A delivery that finally fails signals an {@link ItemException} of type {@code deliver} naming the URL (without
 * its query, which may hold a secret), what went wrong last and the number of attempts.
 *
 * <p>Cancelling the returned Mono (the deliver stage's timeout, a cancelled run) cancels the request in flight
 * and the wait before the next attempt.
 */
final class WebhookSink implements OutcomeSink {

    private final String runId;
    private final URI url;
    private final String shownUrl;
    private final Poster client;
    private final JsonMapper mapper;
    private final WebhookProperties properties;
    private final Retry retry;

    /**
     * @param client sends one POST and answers with the receiver's status: {@link WebhookClient#post} (tests give
     *               their own, to see the retries in virtual time)
     */
    WebhookSink(String runId, URI url, Poster client, JsonMapper mapper, WebhookProperties properties) {
        this.runId = runId;
        this.url = url;
        this.shownUrl = url.getScheme() + "://" + url.getRawAuthority()
                + (url.getRawPath() == null ? "" : url.getRawPath());
        this.client = client;
        this.mapper = mapper;
        this.properties = properties;
        this.retry = RetryBackoff.exponential(properties.backoff(), properties.maxBackoff())
                .upTo(properties.retries(), WebhookSink::retryable, WebhookSink::asked, AskedDelay.PRECEDES_BACKOFF);
    }

    @Override
    public Mono<Void> deliver(Outcome outcome) {
        return Mono.defer(() -> attempts(mapper.writeValueAsBytes(outcome), runId + "-" + outcome.seq()));
    }

    /** Every attempt posts the same bytes with the same key; the count is for the final message. */
    private Mono<Void> attempts(byte[] body, String key) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.defer(() -> attempt(body, key, attempts))
                .retryWhen(retry)
                .onErrorMap(error -> finalFailure(error, attempts.get()));
    }

    private Mono<Void> attempt(byte[] body, String key, AtomicInteger attempts) {
        attempts.incrementAndGet();
        return client.post(url, body, key)
                .timeout(properties.timeout())
                .onErrorMap(error -> WebhookAttemptFailure.of(error, properties.timeout()))
                .flatMap(answer -> answer.delivered() ? Mono.<Void>empty()
                        : Mono.error(WebhookAttemptFailure.answered(answer, properties.maxBackoff())));
    }

    private static boolean retryable(Throwable failure) {
        return failure instanceof WebhookAttemptFailure attempt && attempt.retryable();
    }

    /** The receiver's {@code Retry-After}, waited before the backoff: the next attempt never comes earlier. */
    private static Duration asked(Throwable failure) {
        return failure instanceof WebhookAttemptFailure attempt ? attempt.retryAfter() : null;
    }

    private ItemException finalFailure(Throwable error, int attempts) {
        WebhookAttemptFailure last = WebhookAttemptFailure.of(error, properties.timeout());
        return new ItemException(FailureType.DELIVER, "webhook " + shownUrl + " " + last.getMessage() + " after "
                + attempts + (attempts == 1 ? " attempt" : " attempts"), last.status(), false, error);
    }

    /** One POST of an outcome: {@link WebhookClient#post}. */
    @FunctionalInterface
    interface Poster {
        Mono<WebhookClient.Answer> post(URI url, byte[] body, String idempotencyKey);
    }
}
