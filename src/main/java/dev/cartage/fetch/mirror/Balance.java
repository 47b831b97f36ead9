package dev.cartage.fetch.mirror;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a mirrored source chooses among its addresses (docs/api.md, Sources). */
public enum Balance {
    /** Ask every mirror (or the next one only after {@code hedgeAfter}); keep the first good answer, cancel the rest. */
    FIRST_RESPONSE,
    /** Send to the mirror with the fewest requests pending. */
    LEAST_LOADED,
    /** Take the mirrors in turn. */
    ROUND_ROBIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Balance> fromWireName(String name) {
        return Arrays.stream(values()).filter(b -> b.wireName().equals(name)).findFirst();
    }
}
