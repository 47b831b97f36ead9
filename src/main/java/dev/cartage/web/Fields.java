package dev.cartage.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.boot.convert.DurationStyle;

import tools.jackson.databind.JsonNode;

/**
 * One field of a request being checked: its value, its path in the request ({@code stages.fetch.parallelism},
 * {@code sources[2].mirrors[0]}) and the problems found so far in the whole request, which all its fields share.
 * A read that cannot accept the value records a {@link FieldError} under the field's path and returns a fallback,
 * so that one 400 answer lists every problem of a request, each named the same way.
 *
 * <p>Not thread-safe: one request is checked on one thread.
 */
public final class Fields {

    /** The longest value echoed into a message, so that a huge field cannot come back whole. */
    private static final int MAX_SHOWN = 200;

    private final String path;
    private final String name;
    private final JsonNode value;
    private final List<FieldError> errors;

    private Fields(String path, String name, JsonNode value, List<FieldError> errors) {
        this.path = path;
        this.name = name;
        this.value = value;
        this.errors = errors;
    }

    /** The top of a request: its fields' paths are their names. */
    public static Fields of(JsonNode request) {
        return new Fields("", "", request, new ArrayList<>());
    }

    /** A field checked on its own, such as a query parameter, named by its whole path. */
    public static Fields named(String path, JsonNode value) {
        return of(null).at(path, value);
    }

    /** The field {@code name} of this object; its value is null when this is no object or lacks the field. */
    public Fields child(String name) {
        return new Fields(path.isEmpty() ? name : path + "." + name, name, value == null ? null : value.get(name),
                errors);
    }

    /** The element at {@code index} of this array. */
    public Fields child(int index) {
        return new Fields(path + "[" + index + "]", name, value == null ? null : value.get(index), errors);
    }

    /** Another field of the same request, named by its whole path: a query parameter, a line of a body. */
    public Fields at(String path, JsonNode value) {
        return new Fields(path, path, value, errors);
    }

    public String path() {
        return path;
    }

    /** The value; null when the request does not have the field. */
    public JsonNode value() {
        return value;
    }

    /** Whether the field is missing or JSON {@code null}: what the request did not say. */
    public boolean isAbsent() {
        return value == null || value.isNull();
    }

    /** Records that the field's value cannot be accepted and why: what is wrong and what would be accepted. */
    public void reject(String message) {
        errors.add(new FieldError(path, message));
    }

    /** Whether a problem was recorded for this field or any field inside it. */
    public boolean hasErrors() {
        return errors.stream().map(FieldError::field).anyMatch(field -> field.equals(path)
                || field.startsWith(path + ".") || field.startsWith(path + "["));
    }

    /** Every problem recorded so far in the request, in the order they were found. */
    public List<FieldError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Ends the check: a request with any problem is refused with all of them. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Rejects every field of this object not in {@code allowed}: a misspelt setting must not be ignored. */
    public void refuseUnknown(Collection<String> allowed) {
        refuseUnknown(allowed, "unknown field; expected one of");
    }

    /** Rejects every field of this object not in {@code allowed}, saying {@code why} before the allowed names. */
    public void refuseUnknown(Collection<String> allowed, String why) {
        if (value == null || !value.isObject()) {
            return;
        }
        for (String field : value.propertyNames()) {
            if (!allowed.contains(field)) {
                child(field).reject(why + " " + allowed.stream().sorted().toList());
            }
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent or rejected. */
    public int integer(int min, int max, int fallback) {
        return integer(min, max, fallback, "must be a whole number from " + min + " to " + max);
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code fallback} when absent or rejected, with
     * {@code expectation} and the value as the reason.
     */
    public int integer(int min, int max, int fallback, String expectation) {
        if (isAbsent()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            reject(expectation + ", was " + shown());
            return fallback;
        }
        return value.intValue();
    }

    /** {@code true} or {@code false}; {@code fallback} when absent or rejected. */
    public boolean bool(boolean fallback) {
        if (isAbsent()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            reject("must be true or false, was " + shown());
            return fallback;
        }
        return value.booleanValue();
    }

    /** A string; null when absent or rejected. */
    public String string() {
        if (isAbsent()) {
            return null;
        }
        if (!value.isString()) {
            reject(name + " must be a string, was " + value.getNodeType());
            return null;
        }
        return value.stringValue();
    }

    /** A duration such as {@code "250ms"} or {@code "10s"}; null after rejecting it, missing or JSON null included. */
    public Duration duration() {
        if (value == null || !value.isString()) {
            reject("a duration is a string such as \"250ms\" or \"10s\"");
            return null;
        }
        try {
            return DurationStyle.SIMPLE.parse(value.stringValue().strip());
        } catch (IllegalArgumentException e) {
            reject("'" + abbreviate(value.stringValue()) + "' is not a duration; use e.g. \"250ms\" or \"10s\"");
            return null;
        }
    }

    /**
     * The value named by a string, such as an enum constant found by its wire name; {@code fallback} when absent
     * or rejected, with {@code expectation} and the value as the reason.
     */
    public <T> T oneOf(Function<String, Optional<T>> byName, T fallback, String expectation) {
        if (isAbsent()) {
            return fallback;
        }
        T found = value.isString() ? byName.apply(value.stringValue()).orElse(null) : null;
        if (found == null) {
            reject(expectation + "; was " + shown());
            return fallback;
        }
        return found;
    }

    /** The value as JSON, cut short when long. */
    private String shown() {
        return abbreviate(value.toString());
    }

    /** {@code text} cut after 200 characters, for echoing a value the client sent into a message. */
    public static String abbreviate(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
