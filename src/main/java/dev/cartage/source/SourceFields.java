package dev.cartage.source;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;

import dev.cartage.pipeline.ItemException;
import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one source object, adding a {@link FieldError} named by the field's path for each value it
 * cannot accept and returning a fallback, so that one 400 answer lists every problem of a request.
 */
final class SourceFields {

    private SourceFields() {
    }

    /** Adds an error for every field of {@code node} not in {@code known}: a misspelt option must not be ignored. */
    static void refuseUnknown(JsonNode node, Set<String> known, String path, List<FieldError> errors) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(path + "." + name, "unknown field; expected one of "
                        + known.stream().sorted().toList()));
            }
        }
    }

    /** An absolute http(s) URL given as a JSON string; null after adding an error. */
    static URI url(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isString()) {
            errors.add(new FieldError(field, "must be an absolute http(s) URL given as a string"));
            return null;
        }
        try {
            return HttpUrls.parse(value.stringValue());
        } catch (ItemException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** A whole number; {@code fallback} when absent or after adding an error. */
    static int integer(JsonNode node, String name, int fallback, String path, List<FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError(path + "." + name, name + " must be a whole number, was "
                    + HttpUrls.abbreviate(value.toString())));
            return fallback;
        }
        return value.intValue();
    }

    /** A string value; null when absent, or after adding an error when it is not a string. */
    static String string(JsonNode node, String name, String path, List<FieldError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(path + "." + name, name + " must be a string, was " + value.getNodeType()));
            return null;
        }
        return value.stringValue();
    }

    /** A duration such as {@code "250ms"} or {@code "10s"}; null after adding an error. */
    static Duration duration(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isString()) {
            errors.add(new FieldError(field, "a duration is a string such as \"250ms\" or \"10s\""));
            return null;
        }
        return duration(value.stringValue(), field, errors);
    }

    /** A duration such as {@code "250ms"} or {@code "10s"}; null after adding an error. */
    static Duration duration(String text, String field, List<FieldError> errors) {
        try {
            return DurationStyle.SIMPLE.parse(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + HttpUrls.abbreviate(text)
                    + "' is not a duration; use e.g. \"250ms\" or \"10s\""));
            return null;
        }
    }
}
