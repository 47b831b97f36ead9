package dev.cartage.source;

import java.time.Duration;
import java.util.Set;

import dev.cartage.pile.PileOrigin;
import dev.cartage.pile.PileQuery;
import dev.cartage.pile.PileQueryException;
import dev.cartage.web.Fields;
import tools.jackson.databind.JsonNode;

/** Reads {@code {"pile": {"count": 100, "latency": "20ms", "failEvery": 0, "seed": 1}}}. */
final class PileSpecReader {

    private static final Set<String> FIELDS = Set.of("pile");
    private static final Set<String> PILE_FIELDS = Set.of("count", "latency", "failEvery", "seed");

    private final PileOrigin pile;

    PileSpecReader(PileOrigin pile) {
        this.pile = pile;
    }

    /** The pile of a source entry, or null after rejecting it. */
    SourceSpec read(Fields entry) {
        entry.refuseUnknown(FIELDS);
        SourceSpec spec = pile(entry.child("pile"));
        return entry.hasErrors() ? null : spec;
    }

    private SourceSpec pile(Fields field) {
        if (field.value() == null || !field.value().isObject()) {
            field.reject("pile takes an object such as {\"count\": 100, \"latency\": \"20ms\"}");
            return null;
        }
        field.refuseUnknown(PILE_FIELDS);
        int count = field.child("count").integer(Integer.MIN_VALUE, Integer.MAX_VALUE, PileQuery.DEFAULT_COUNT,
                "count must be a whole number");
        int failEvery = field.child("failEvery").integer(Integer.MIN_VALUE, Integer.MAX_VALUE, 0,
                "failEvery must be a whole number");
        long seed = seed(field.child("seed"));
        Duration latency = field.value().has("latency") ? field.child("latency").duration() : Duration.ZERO;
        if (field.hasErrors()) {
            return null;
        }
        try {
            // the pile's own checks name count, latency or failEvery; out-of-range values are theirs to word
            return new SourceSpec.Pile(pile.requireWithinLimits(new PileQuery(count, latency, failEvery, seed)));
        } catch (PileQueryException e) {
            field.child(e.field()).reject(e.getMessage());
            return null;
        }
    }

    private static long seed(Fields field) {
        JsonNode value = field.value();
        if (field.isAbsent()) {
            return PileQuery.DEFAULT_SEED;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            field.reject("seed must be a whole number");
            return PileQuery.DEFAULT_SEED;
        }
        return value.longValue();
    }
}
