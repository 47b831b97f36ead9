package dev.cartage.pipeline;

import java.util.Objects;

/**
 * What went wrong with one item, kept as data in its envelope: the stage that raised it,
 * its type, a message for people and, for origin failures, the HTTP status.
 *
 * @param stage      the stage that raised the failure
 * @param type       the failure's category
 * @param message    what happened and, where possible, what to do about it
 * @param httpStatus the origin's status code for {@link FailureType#HTTP_STATUS}, otherwise null
 */
public record ItemFailure(Stage stage, FailureType type, String message, Integer httpStatus) {

    public ItemFailure {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    public static ItemFailure of(Stage stage, FailureType type, String message) {
        return new ItemFailure(stage, type, message, null);
    }
}
