package dev.cartage.source;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.cartage.web.FieldError;
import dev.cartage.web.Fields;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON entries of a run's {@code sources} (docs/api.md, "Sources") into {@link SourceSpec}s, collecting a
 * {@link FieldError} named {@code sources[i]} or a path below it ({@code sources[i].limit},
 * {@code sources[i].mirrors[2]}) for each value it cannot accept. A source object has exactly one form field
 * (a contributed {@link SourceForm} such as {@code pile}, or {@code sitemap}, {@code feed}, {@code inline} or
 * {@code url}); fields its form does not know are refused by name, never ignored.
 */
@Component
public class SourceParser {

    private static final List<String> BUILT_IN = List.of("sitemap", "feed", "inline", "url");

    /** Contributed forms first, so that the demo pile leads the list a refusal names. */
    private final List<String> forms;
    private final Map<String, SourceForm> contributed;
    private final ListingSpecReader listings;
    private final InlineSpecReader inlines;
    private final MirrorSpecReader mirrors;

    public SourceParser(List<SourceForm> contributed, SourceLimits limits) {
        this.contributed = contributed.stream().collect(Collectors.toUnmodifiableMap(SourceForm::name, Function.identity()));
        this.forms = Stream.concat(contributed.stream().map(SourceForm::name), BUILT_IN.stream()).toList();
        if (forms.stream().distinct().count() != forms.size()) {
            throw new IllegalArgumentException("source forms must have distinct names: " + forms);
        }
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
        List<String> found = forms.stream().filter(node::has).toList();
        if (found.size() != 1) {
            entry.reject(found.isEmpty()
                    ? "unknown source form with fields " + node.propertyNames() + "; expected a URL string or an "
                            + "object with one of " + forms
                    : "a source object has exactly one of " + forms + ", not " + found);
            return null;
        }
        return parseForm(found.get(0), entry);
    }

    private SourceSpec parseForm(String form, Fields entry) {
        return switch (form) {
            case "sitemap" -> listings.sitemap(entry);
            case "feed" -> listings.feed(entry);
            case "inline" -> inlines.read(entry);
            case "url" -> mirrors.read(entry);
            default -> contributed(form, entry);
        };
    }

    private SourceSpec contributed(String form, Fields entry) {
        SourceForm.Items items = contributed.get(form).read(entry);
        return items == null || entry.hasErrors() ? null : new SourceSpec.Contributed(form, items);
    }
}
