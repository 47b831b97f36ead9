package dev.cartage.pile;

import java.time.Duration;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.cartage.source.SourceForm;
import dev.cartage.web.Fields;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The demo pile as a source form: {@code {"pile": {"count": 100, "latency": "20ms", "failEvery": 0, "seed": 1}}}
 * expands to the URLs of pages 0 … count−1 of that pile, made one at a time as the run asks for them.
 */
@Component
public class PileSourceForm implements SourceForm {

    private static final Set<String> FIELDS = Set.of("pile");
    private static final Set<String> PILE_FIELDS = Set.of("count", "latency", "failEvery", "seed");

    private final PileOrigin pile;

    public PileSourceForm(PileOrigin pile) {
        this.pile = pile;
    }

    @Override
    public String name() {
        return "pile";
    }

    @Override
    public Items read(Fields entry) {
        entry.refuseUnknown(FIELDS);
        PileQuery query = query(entry.child("pile"));
        return entry.hasErrors() || query == null ? null : new PileItems(pile, query);
    }

    private PileQuery query(Fields field) {
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
            return pile.requireWithinLimits(new PileQuery(count, latency, failEvery, seed));
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

    /** The pages of one checked query; equal queries give equal items, so checked specs compare by value. */
    record PileItems(PileOrigin pile, PileQuery query) implements Items {

        @Override
        public int count() {
            return query.count();
        }

        @Override
        public Flux<String> urls() {
            return pile.manualUrls(query);
        }
    }
}
