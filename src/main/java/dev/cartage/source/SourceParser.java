package dev.cartage.source;

import java.net.URI;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.cartage.pile.PileOrigin;
import dev.cartage.web.FieldError;
import dev.cartage.web.Fields;
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

    /** The spec of one source entry, or null after rejecting it; the caller ends the check. */
    public SourceSpec parseOne(Fields entry) {
        JsonNode node = entry.value();
        if (entry.isAbsent()) {
            entry.reject("a source must be a URL string or an object such as {\"pile\": {\"count\": 10}}");
            return null;
        }
        if (node.isString()) {
            URI url = SourceFields.url(entry);
            return url == null ? null : new SourceSpec.Url(url);
        }
        if (!node.isObject()) {
            entry.reject("a source must be a URL string or an object, not " + node.getNodeType());
            return null;
        }
        List<String> forms = FORMS.stream().filter(node::has).toList();
        if (forms.size() != 1) {
            entry.reject(forms.isEmpty()
                    ? "unknown source form with fields " + node.propertyNames() + "; expected a URL string or an "
                            + "object with one of " + FORMS
                    : "a source object has exactly one of " + FORMS + ", not " + forms);
            return null;
        }
        return parseForm(forms.get(0), entry);
    }

    private SourceSpec parseForm(String form, Fields entry) {
        return switch (form) {
            case "pile" -> piles.read(entry);
            case "sitemap" -> listings.sitemap(entry);
            case "feed" -> listings.feed(entry);
            case "inline" -> inlines.read(entry);
            default -> mirrors.read(entry);
        };
    }
}
