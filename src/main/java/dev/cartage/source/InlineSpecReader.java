package dev.cartage.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code {"inline": "<html>…", "type": "text/html", "name": "a.html", "baseUrl": "https://…"}}: a document
 * given in the request, at most {@link SourceLimits#maxInlineSize()} bytes of UTF-8.
 */
final class InlineSpecReader {

    static final Set<String> FIELDS = Set.of("inline", "type", "name", "baseUrl");

    /** The media types docs/api.md lists for inline documents. */
    static final List<String> TYPES = List.of("text/html", "text/markdown", "text/plain", "application/json");

    /** The types the marshal stage can read today; adding one here is all it takes to offer it. */
    static final Set<String> OFFERED = Set.copyOf(TYPES);

    private static final int MAX_NAME = 200;

    private final SourceLimits limits;

    InlineSpecReader(SourceLimits limits) {
        this.limits = limits;
    }

    SourceSpec read(JsonNode entry, String field, List<FieldError> errors) {
        int before = errors.size();
        SourceFields.refuseUnknown(entry, FIELDS, field, errors);
        byte[] content = content(entry.get("inline"), field + ".inline", errors);
        String type = type(entry.get("type"), field + ".type", errors);
        String name = name(entry, field, errors);
        URI baseUrl = entry.hasNonNull("baseUrl") ? SourceFields.url(entry.get("baseUrl"), field + ".baseUrl", errors) : null;
        return errors.size() > before ? null : new SourceSpec.Inline(content, type, name, baseUrl);
    }

    private byte[] content(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isString()) {
            errors.add(new FieldError(field, "inline takes the document as a JSON string"));
            return null;
        }
        byte[] content = value.stringValue().getBytes(StandardCharsets.UTF_8);
        if (content.length > limits.maxInlineSize()) {
            errors.add(new FieldError(field, "the inline document has " + content.length + " bytes, more than the "
                    + limits.maxInlineSize() + " allowed (cartage.limits.max-inline-size); serve it at a URL instead"));
            return null;
        }
        return content;
    }

    private static String type(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isString()) {
            errors.add(new FieldError(field, "type is required: one of " + TYPES));
            return null;
        }
        String type = value.stringValue().strip().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            errors.add(new FieldError(field, "unknown type '" + HttpUrls.abbreviate(value.stringValue())
                    + "'; one of " + TYPES));
            return null;
        }
        if (!OFFERED.contains(type)) {
            errors.add(new FieldError(field, "inline documents of type '" + type + "' are not offered yet by this "
                    + "version; one of " + OFFERED.stream().sorted().toList()));
            return null;
        }
        return type;
    }

    private static String name(JsonNode entry, String field, List<FieldError> errors) {
        String name = SourceFields.string(entry, "name", field, errors);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            errors.add(new FieldError(field + ".name", "name must be 1 to " + MAX_NAME + " characters, not blank"));
            return null;
        }
        return name;
    }
}
