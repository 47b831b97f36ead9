package dev.cartage.deliver;

import java.util.Arrays;
import java.util.Optional;

/** Where a run's outcomes go. */
public enum DeliverTarget {
    /** Kept by the service (bounded) and read back through the API. */
    STORE("store", true),
    /** Counted, not kept: for benchmarks and dry runs. */
    DISCARD("discard", true),
    /** One POST per outcome to a URL. */
    WEBHOOK("webhook", true),
    /** Files under the configured output root. */
    DIRECTORY("directory", true),
    /** The HTTP response of {@code POST /api/pipeline}: the client reads the outcomes as they are delivered. */
    RESPONSE("response", false);

    private final String wireName;
    private final boolean available;

    DeliverTarget(String wireName, boolean available) {
        this.wireName = wireName;
        this.available = available;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this version of the service offers the target; the API refuses the others with 400. */
    public boolean available() {
        return available;
    }

    /** A target a run request may name in {@code deliver.to}; {@code response} is only /api/pipeline's own. */
    public boolean requestable() {
        return this != RESPONSE;
    }

    public static Optional<DeliverTarget> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
