package dev.cartage.web;

import org.springframework.http.HttpStatus;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemFailure;

/**
 * A one-off request whose single item failed: answered with the status its failure type maps to
 * (see {@link ProblemResponses}), the failure's message as {@code detail}.
 */
public class ItemFailedException extends RuntimeException {

    private final transient ItemFailure failure;

    public ItemFailedException(ItemFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    public ItemFailure failure() {
        return failure;
    }

    /** The status this failure answers with, {@link #statusOf(FailureType)} of its type. */
    public HttpStatus status() {
        return statusOf(failure.type());
    }

    /**
     * The status a failure of this type answers with: the client's fault a 4xx, an origin's a 502 or 504, the
     * service's a 5xx (docs/api.md, {@code GET /api/render}). The reader page answers with the same statuses.
     */
    public static HttpStatus statusOf(FailureType type) {
        switch (type) {
            case INVALID_URL:
                return HttpStatus.BAD_REQUEST;
            case BLOCKED:
            case ROBOTS:
                return HttpStatus.FORBIDDEN;
            case UNSUPPORTED_TYPE:
            case PARSE:
                return HttpStatus.UNPROCESSABLE_CONTENT;
            case TIMEOUT:
                return HttpStatus.GATEWAY_TIMEOUT;
            case HTTP_STATUS:
            case CONNECTION:
            case TOO_LARGE:
                return HttpStatus.BAD_GATEWAY;
            case DROPPED:
                return HttpStatus.SERVICE_UNAVAILABLE;
            default:
                return HttpStatus.INTERNAL_SERVER_ERROR;
        }
    }
}
