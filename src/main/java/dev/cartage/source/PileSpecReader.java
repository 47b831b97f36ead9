package dev.cartage.source;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.cartage.pile.PileOrigin;
import dev.cartage.pile.PileQuery;
import dev.cartage.pile.PileQueryException;
import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/** Reads {@code {"pile": {"count": 100, "latency": "20ms", "failEvery": 0, "seed": 1}}}. */
final class PileSpecReader {

    static final Set<String> FIELDS = Set.of("pile");
    private static final Set<String> PILE_FIELDS = Set.of("count", "latency", "failEvery", "seed");

    private final PileOrigin pile;

    PileSpecReader(PileOrigin pile) {
        this.pile = pile;
    }

    /** The pile of {@code node} (the value of {@code pile}), or null after adding errors. */
    SourceSpec read(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(field, "pile takes an object such as {\"count\": 100, \"latency\": \"20ms\"}"));
            return null;
        }
        int before = errors.size();
        SourceFields.refuseUnknown(node, PILE_FIELDS, field, errors);
        int count = SourceFields.integer(node, "count", PileQuery.DEFAULT_COUNT, field, errors);
        int failEvery = SourceFields.integer(node, "failEvery", 0, field, errors);
        long seed = seed(node.get("seed"), field + ".seed", errors);
        Duration latency = node.has("latency") ? SourceFields.duration(node.get("latency"), field + ".latency", errors)
                : Duration.ZERO;
        if (errors.size() > before) {
            return null;
        }
        try {
            // the pile's own checks name count, latency or failEvery; out-of-range values are theirs to word
            return new SourceSpec.Pile(pile.requireWithinLimits(new PileQuery(count, latency, failEvery, seed)));
        } catch (PileQueryException e) {
            errors.add(new FieldError(field + "." + e.field(), e.getMessage()));
            return null;
        }
    }

    private static long seed(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return PileQuery.DEFAULT_SEED;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(new FieldError(field, "seed must be a whole number"));
            return PileQuery.DEFAULT_SEED;
        }
        return value.longValue();
    }
}
