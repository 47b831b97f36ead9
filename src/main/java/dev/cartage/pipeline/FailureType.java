package dev.cartage.pipeline;

import java.util.Arrays;
import java.util.Optional;

/** Why an item failed; the wire name is what the API shows in {@code error.type}. */
public enum FailureType {
    INVALID_URL("invalid-url"),
    BLOCKED("blocked"),
    ROBOTS("robots"),
    TIMEOUT("timeout"),
    CONNECTION("connection"),
    HTTP_STATUS("http-status"),
    TOO_LARGE("too-large"),
    UNSUPPORTED_TYPE("unsupported-type"),
    PARSE("parse"),
    DROPPED("dropped"),
    DELIVER("deliver"),
    INTERNAL("internal");

    private final String wireName;

    FailureType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FailureType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
