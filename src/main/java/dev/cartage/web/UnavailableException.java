package dev.cartage.web;

import java.time.Duration;

/**
 * The service cannot take the request now but will soon (it is stopping, or its run store is out of reach); answered
 * with 503 and {@code Retry-After}.
 */
public class UnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public UnavailableException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
