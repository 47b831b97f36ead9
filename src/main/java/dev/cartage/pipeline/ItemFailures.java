package dev.cartage.pipeline;

import java.util.concurrent.TimeoutException;

/** Turns what a per-item function threw into the failure record the item carries. */
final class ItemFailures {

    private ItemFailures() {
    }

    static ItemFailure from(Stage stage, Throwable error) {
        if (error instanceof ItemException item) {
            return new ItemFailure(stage, item.type(), item.getMessage(), item.httpStatus());
        }
        if (error instanceof TimeoutException) {
            return ItemFailure.of(stage, FailureType.TIMEOUT, "no result within the stage's timeout");
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        return ItemFailure.of(stage, FailureType.INTERNAL, message);
    }

    /** Timeouts and failures their stage marked retryable get another attempt; everything else is final. */
    static boolean retryable(Throwable error) {
        return error instanceof TimeoutException || (error instanceof ItemException item && item.retryable());
    }

    static ItemFailure dropped(Stage stage) {
        return ItemFailure.of(stage, FailureType.DROPPED,
                "shed by the " + stage.wireName() + " stage's overflow policy: the next stage was not keeping up");
    }
}
