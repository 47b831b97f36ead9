package dev.cartage.deliver;

import java.util.Arrays;
import java.util.Optional;

/** Where a run's outcomes go. */
public enum DeliverTarget {
    /** Kept by the service (bounded) and read back through the API. */
    STORE("store"),
    /** Counted, not kept: for benchmarks and dry runs. */
    DISCARD("discard"),
    /** One POST per outcome to a URL. */
    WEBHOOK("webhook"),
    /** Files under the configured output root. */
    DIRECTORY("directory"),
    /** The HTTP response of {@code POST /api/pipeline}: the client reads the outcomes as they are delivered. */
    RESPONSE("response");

    private final String wireName;

    DeliverTarget(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** A target a run request may name in {@code deliver.to}; {@code response} is only /api/pipeline's own. */
    public boolean requestable() {
        return this != RESPONSE;
    }

    public static Optional<DeliverTarget> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
