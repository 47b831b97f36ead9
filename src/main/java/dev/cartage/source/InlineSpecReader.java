package dev.cartage.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import dev.cartage.web.Fields;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code {"inline": "<html>…", "type": "text/html", "name": "a.html", "baseUrl": "https://…"}}: a document
 * given in the request, at most {@link SourceLimits#maxInlineSize()} bytes of UTF-8.
 */
final class InlineSpecReader {

    private static final Set<String> FIELDS = Set.of("inline", "type", "name", "baseUrl");

    /** The media types docs/api.md lists for inline documents. */
    static final List<String> TYPES = List.of("text/html", "text/markdown", "text/plain", "application/json");

    /** The types the marshal stage can read today; adding one here is all it takes to offer it. */
    static final Set<String> OFFERED = Set.copyOf(TYPES);

    private static final int MAX_NAME = 200;

    private final SourceLimits limits;

    InlineSpecReader(SourceLimits limits) {
        this.limits = limits;
    }

    SourceSpec read(Fields entry) {
        entry.refuseUnknown(FIELDS);
        byte[] content = content(entry.child("inline"));
        String type = type(entry.child("type"));
        String name = name(entry.child("name"));
        Fields baseUrl = entry.child("baseUrl");
        URI base = baseUrl.isAbsent() ? null : SourceFields.url(baseUrl);
        return entry.hasErrors() ? null : new SourceSpec.Inline(content, type, name, base);
    }

    private byte[] content(Fields field) {
        if (field.value() == null || !field.value().isString()) {
            field.reject("inline takes the document as a JSON string");
            return null;
        }
        byte[] content = field.value().stringValue().getBytes(StandardCharsets.UTF_8);
        if (content.length > limits.maxInlineSize()) {
            field.reject("the inline document has " + content.length + " bytes, more than the "
                    + limits.maxInlineSize() + " allowed (cartage.limits.max-inline-size); serve it at a URL instead");
            return null;
        }
        return content;
    }

    private static String type(Fields field) {
        JsonNode value = field.value();
        if (value == null || !value.isString()) {
            field.reject("type is required: one of " + TYPES);
            return null;
        }
        String type = value.stringValue().strip().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            field.reject("unknown type '" + HttpUrls.abbreviate(value.stringValue()) + "'; one of " + TYPES);
            return null;
        }
        if (!OFFERED.contains(type)) {
            field.reject("inline documents of type '" + type + "' are not offered yet by this "
                    + "version; one of " + OFFERED.stream().sorted().toList());
            return null;
        }
        return type;
    }

    private static String name(Fields field) {
        String name = field.string();
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            field.reject("name must be 1 to " + MAX_NAME + " characters, not blank");
            return null;
        }
        return name;
    }
}
