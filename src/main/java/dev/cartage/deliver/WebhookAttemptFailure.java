package dev.cartage.deliver;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;

import dev.cartage.fetch.guard.BlockedAddressException;
import dev.cartage.fetch.polite.RetryAfter;

/**
 * Why one POST to a webhook did not deliver, and whether another attempt may: a 5xx, a 429, a timeout or a
 * connection error may pass; another 4xx, a 3xx (redirects are not followed) or a connection the SSRF guard
 * refused will not. The message is a phrase that follows the webhook's URL ("answered 503").
 */
final class WebhookAttemptFailure extends RuntimeException {

    private final Integer status;
    private final boolean retryable;
    private final Duration retryAfter;

    private WebhookAttemptFailure(String what, Integer status, boolean retryable, Duration retryAfter,
                                  Throwable cause) {
        super(what, cause, false, false);
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /**
     * A receiver's answer other than 2xx. A {@code Retry-After} (seconds or a date) on a retryable answer is kept,
     * at most {@code maxWait}: a receiver may slow its retries down, not park them beyond the sink's own limits.
     */
    static WebhookAttemptFailure answered(WebhookClient.Answer answer, Duration maxWait) {
        int status = answer.status();
        if (status >= 500 || status == 429) {
            Duration asked = RetryAfter.parse(answer.retryAfter(), Instant.now());
            Duration wait = asked == null ? null : asked.compareTo(maxWait) > 0 ? maxWait : asked;
            return new WebhookAttemptFailure("answered " + status, status, true, wait, null);
        }
        String why = status >= 300 && status < 400 ? " (redirects are not followed)"
                : " (a 4xx other than 429 is not retried)";
        return new WebhookAttemptFailure("answered " + status + why, status, false, null, null);
    }

    /** What an attempt that got no answer ran into; {@code timeout} is the attempt's limit, for the message. */
    static WebhookAttemptFailure of(Throwable error, Duration timeout) {
        if (error instanceof WebhookAttemptFailure failure) {
            return failure;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BlockedAddressException blocked) {
                return new WebhookAttemptFailure("was not contacted: " + blocked.getMessage(), null, false, null,
                        error);
            }
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException
                    || cause instanceof ConnectTimeoutException) {
                return new WebhookAttemptFailure("did not answer within " + shown(timeout)
                        + " (cartage.deliver.webhook.timeout)", null, true, null, error);
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return new WebhookAttemptFailure("could not be reached (" + describe(cause) + ")", null, true, null,
                        error);
            }
        }
        return new WebhookAttemptFailure("failed (" + describe(error) + ")", null, false, null, error);
    }

    /** The receiver's status, or null when there was no answer. */
    Integer status() {
        return status;
    }

    boolean retryable() {
        return retryable;
    }

    /** How long the receiver asked to wait before the next attempt, or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    private static String shown(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
