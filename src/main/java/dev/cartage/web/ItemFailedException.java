package dev.cartage.web;

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
}
