package dev.cartage.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

import dev.cartage.pile.PileOrigin;
import dev.cartage.pile.PileQuery;
import dev.cartage.pile.PileQueryException;
import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON entries of a run's {@code sources} into {@link SourceSpec}s, collecting a {@link FieldError}
 * named {@code sources[i]} (or a path below it) for each entry it cannot accept. Source forms the service does not
 * offer yet are refused by name, never quietly treated as something else.
 */
@Component
public class SourceParser {

    private static final Set<String> NOT_YET = Set.of("sitemap", "feed", "inline", "mirrors");

    private final PileOrigin pile;

    public SourceParser(PileOrigin pile) {
        this.pile = pile;
    }

    /** The specs of {@code entries}, in order; problems are added to {@code errors}, which the caller checks. */
    public List<SourceSpec> parse(List<JsonNode> entries, String path, List<FieldError> errors) {
        List<SourceSpec> specs = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SourceSpec spec = parseOne(entries.get(i), path + "[" + i + "]", errors);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /** One entry, or null after adding an error. */
    public SourceSpec parseOne(JsonNode entry, String field, List<FieldError> errors) {
        if (entry == null || entry.isNull()) {
            errors.add(new FieldError(field, "a source must be a URL string or an object such as {\"pile\": {\"count\": 10}}"));
            return null;
        }
        if (entry.isString()) {
            return url(entry.stringValue(), field, errors);
        }
        if (!entry.isObject()) {
            errors.add(new FieldError(field, "a source must be a URL string or an object, not " + entry.getNodeType()));
            return null;
        }
        if (entry.has("pile")) {
            return pile(entry.get("pile"), field + ".pile", errors);
        }
        for (String form : NOT_YET) {
            if (entry.has(form)) {
                errors.add(new FieldError(field, "'" + form + "' sources are not offered yet by this version of "
                        + "Cartage; use URL strings or {\"pile\": {...}}"));
                return null;
            }
        }
        if (entry.has("url")) {
            errors.add(new FieldError(field, "url objects (mirrors) are not offered yet; give the URL as a plain string"));
            return null;
        }
        errors.add(new FieldError(field, "unknown source form with fields " + entry.propertyNames()
                + "; expected a URL string or {\"pile\": {...}}"));
        return null;
    }

    private static SourceSpec url(String text, String field, List<FieldError> errors) {
        try {
            URI url = new URI(text.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add(new FieldError(field, "only absolute http and https URLs can be fetched, not '" + abbreviate(text) + "'"));
                return null;
            }
            if (url.getHost() == null || url.getHost().isEmpty()) {
                errors.add(new FieldError(field, "the URL '" + abbreviate(text) + "' has no host"));
                return null;
            }
            return new SourceSpec.Url(url);
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "not a valid URL: " + e.getReason() + " in '" + abbreviate(text) + "'"));
            return null;
        }
    }

    private SourceSpec pile(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(field, "pile takes an object such as {\"count\": 100, \"latency\": \"20ms\"}"));
            return null;
        }
        int before = errors.size();
        int count = intField(node, "count", PileQuery.DEFAULT_COUNT, field, errors);
        int failEvery = intField(node, "failEvery", 0, field, errors);
        long seed = node.has("seed") && node.get("seed").canConvertToLong() && node.get("seed").isIntegralNumber()
                ? node.get("seed").longValue() : PileQuery.DEFAULT_SEED;
        if (node.has("seed") && !(node.get("seed").isIntegralNumber() && node.get("seed").canConvertToLong())) {
            errors.add(new FieldError(field + ".seed", "seed must be a whole number"));
        }
        Duration latency = Duration.ZERO;
        if (node.has("latency")) {
            latency = duration(node.get("latency"), field + ".latency", errors);
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return new SourceSpec.Pile(pile.requireWithinLimits(new PileQuery(count, latency, failEvery, seed)));
        } catch (PileQueryException e) {
            errors.add(new FieldError(field + "." + e.field(), e.getMessage()));
            return null;
        }
    }

    private static int intField(JsonNode node, String name, int fallback, String field, List<FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError(field + "." + name, name + " must be a whole number, was " + abbreviate(value.toString())));
            return fallback;
        }
        return value.intValue();
    }

    /** A duration such as {@code "250ms"} or {@code "10s"}; null after adding an error. */
    public static Duration duration(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isString()) {
            errors.add(new FieldError(field, "a duration is a string such as \"250ms\" or \"10s\""));
            return Duration.ZERO;
        }
        return duration(value.stringValue(), field, errors);
    }

    /** A duration such as {@code "250ms"} or {@code "10s"}; null after adding an error. */
    public static Duration duration(String text, String field, List<FieldError> errors) {
        try {
            return DurationStyle.SIMPLE.parse(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + abbreviate(text) + "' is not a duration; use e.g. \"250ms\" or \"10s\""));
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
