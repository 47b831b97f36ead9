package dev.cartage.pipeline;

/**
 * Thrown (or signalled) by a stage's per-item work to fail that one item with a typed reason.
 * The engine turns it into an {@link ItemFailure}; the run goes on.
 * Anything else a per-item function throws becomes a failure of type {@code internal}.
 */
public class ItemException extends RuntimeException {

    private final FailureType type;
    private final Integer httpStatus;
    private final boolean retryable;

    public ItemException(FailureType type, String message) {
        this(type, message, null, false, null);
    }

    public ItemException(FailureType type, String message, Integer httpStatus, boolean retryable, Throwable cause) {
        super(message, cause, false, false);
        this.type = type;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
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
}
