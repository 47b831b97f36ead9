package dev.cartage.render;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small JSON Schema (draft 2020-12) checker for the keywords {@code document.schema.json} uses: {@code type},
 * {@code required}, {@code properties}, {@code additionalProperties}, {@code items}, {@code enum}, {@code const},
 * {@code oneOf}, {@code not}, {@code if/then/else}, {@code minimum}, {@code maximum} and local {@code $ref}s.
 * Any other keyword is an error, so the schema cannot silently outgrow the check. (No validator for Jackson 3
 * resolves here, and a second Jackson stack only for a test is not worth its weight.)
 */
final class SchemaCheck {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description");
    private static final Set<String> KEYWORDS = Set.of("type", "required", "properties", "additionalProperties",
            "items", "enum", "const", "oneOf", "not", "if", "then", "else", "minimum", "maximum", "$ref", "$defs");

    private final JsonNode root;

    SchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** The violations of the value against the whole schema, each with its JSON path; empty when it conforms. */
    List<String> violations(JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(root, value, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        for (String keyword : schema.propertyNames()) {
            if (!ANNOTATIONS.contains(keyword) && !KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("SchemaCheck does not know the keyword " + keyword);
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asString()), value, path, errors);
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            errors.add(path + ": " + value.getNodeType() + " is not " + schema.get("type"));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(path + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            errors.add(path + ": " + value + " is above " + schema.get("maximum"));
        }
        if (value.isObject()) {
            object(schema, value, path, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
        if (schema.has("oneOf")) {
            int matches = 0;
            for (JsonNode option : schema.get("oneOf")) {
                matches += violations(option, value).isEmpty() ? 1 : 0;
            }
            if (matches != 1) {
                errors.add(path + ": matches " + matches + " of the oneOf options instead of exactly one");
            }
        }
        if (schema.has("not") && violations(schema.get("not"), value).isEmpty()) {
            errors.add(path + ": matches a schema it must not match: " + schema.get("not"));
        }
        if (schema.has("if")) {
            JsonNode branch = violations(schema.get("if"), value).isEmpty() ? schema.get("then") : schema.get("else");
            if (branch != null) {
                check(branch, value, path, errors);
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asString())) {
                    errors.add(path + ": lacks the required property " + name.asString());
                }
            }
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (String name : value.propertyNames()) {
            if (properties != null && properties.has(name)) {
                check(properties.get(name), value.get(name), path + "." + name, errors);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                errors.add(path + ": has the property " + name + " that the schema does not allow");
            } else if (additional != null && additional.isObject()) {
                check(additional, value.get(name), path + "." + name, errors);
            }
        }
    }

    private List<String> violations(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "", errors);
        return errors;
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("SchemaCheck resolves local references only, not " + ref);
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.get(part);
        }
        if (node == null) {
            throw new IllegalArgumentException("the schema has no " + ref);
        }
        return node;
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (hasType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.asString()) {
            case "null":
                return value.isNull();
            case "string":
                return value.isString();
            case "boolean":
                return value.isBoolean();
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
