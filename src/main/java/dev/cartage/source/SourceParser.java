package dev.cartage.source;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.cartage.pile.PileOrigin;
import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON entries of a run's {@code sources} (docs/api.md, "Sources") into {@link SourceSpec}s, collecting a
 * {@link FieldError} named {@code sources[i]} or a path below it ({@code sources[i].limit},
 * {@code sources[i].mirrors[2]}) for each value it cannot accept. A source object has exactly one form field
 * ({@code pile}, {@code sitemap}, {@code feed}, {@code inline} or {@code url}); fields its form does not know are
 * refused by name, never ignored.
 */
@Component
public class SourceParser {

    private static final List<String> FORMS = List.of("pile", "sitemap", "feed", "inline", "url");

    private final PileSpecReader piles;
    private final ListingSpecReader listings;
    private final InlineSpecReader inlines;
    private final MirrorSpecReader mirrors;

    public SourceParser(PileOrigin pile, SourceLimits limits) {
        this.piles = new PileSpecReader(pile);
        this.listings = new ListingSpecReader(limits);
        this.inlines = new InlineSpecReader(limits);
        this.mirrors = new MirrorSpecReader(limits);
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
            URI url = SourceFields.url(entry, field, errors);
            return url == null ? null : new SourceSpec.Url(url);
        }
        if (!entry.isObject()) {
            errors.add(new FieldError(field, "a source must be a URL string or an object, not " + entry.getNodeType()));
            return null;
        }
        List<String> forms = FORMS.stream().filter(entry::has).toList();
        if (forms.size() != 1) {
            errors.add(new FieldError(field, forms.isEmpty()
                    ? "unknown source form with fields " + entry.propertyNames() + "; expected a URL string or an "
                            + "object with one of " + FORMS
                    : "a source object has exactly one of " + FORMS + ", not " + forms));
            return null;
        }
        return parseForm(forms.get(0), entry, field, errors);
    }

    private SourceSpec parseForm(String form, JsonNode entry, String field, List<FieldError> errors) {
        switch (form) {
            case "pile":
                int before = errors.size();
                SourceFields.refuseUnknown(entry, PileSpecReader.FIELDS, field, errors);
                SourceSpec pile = piles.read(entry.get("pile"), field + ".pile", errors);
                return errors.size() > before ? null : pile;
            case "sitemap":
                return listings.sitemap(entry, field, errors);
            case "feed":
                return listings.feed(entry, field, errors);
            case "inline":
                return inlines.read(entry, field, errors);
            default:
                return mirrors.read(entry, field, errors);
        }
    }

    /** A duration such as {@code "250ms"} or {@code "10s"}; null after adding an error. */
    public static Duration duration(JsonNode value, String field, List<FieldError> errors) {
        return SourceFields.duration(value, field, errors);
    }

    /** A duration such as {@code "250ms"} or {@code "10s"}; null after adding an error. */
    public static Duration duration(String text, String field, List<FieldError> errors) {
        return SourceFields.duration(text, field, errors);
    }
}
