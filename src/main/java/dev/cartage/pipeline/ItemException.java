package dev.cartage.pipeline;

import java.time.Duration;

/**
 * Thrown (or signalled) by a stage's per-item work to fail that one item with a typed reason.
 * The engine turns it into an {@link ItemFailure}; the run goes on.
 * Anything else a per-item function throws becomes a failure of type {@code internal}.
 */
public class ItemException extends RuntimeException {

    private final FailureType type;
    private final Integer httpStatus;
    private final boolean retryable;
    private final Duration retryAfter;

    public ItemException(FailureType type, String message) {
        this(type, message, null, false, null);
    }

    public ItemException(FailureType type, String message, Integer httpStatus, boolean retryable, Throwable cause) {
        this(type, message, httpStatus, retryable, cause, null);
    }

    /**
     * A failure whose source said when to try again ({@code Retry-After} on a 429 or 503): the stage's next
     * attempt waits exactly {@code retryAfter} instead of its own backoff.
     *
     * @param retryAfter how long to wait before the next attempt; null to let the stage choose. Only meaningful
     *                   when {@code retryable}
     */
    public ItemException(FailureType type, String message, Integer httpStatus, boolean retryable, Throwable cause,
                         Duration retryAfter) {
        super(message, cause, false, false);
        this.type = type;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public FailureType type() {
        return type;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** Whether another attempt may succeed (a timeout, a dropped connection, a 503), as opposed to a 404. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the source asked to wait before another attempt, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
