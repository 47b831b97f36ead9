package dev.cartage.marshal;

import dev.cartage.marshal.meta.Metadata;
import dev.cartage.pipeline.FailureType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Reads JSON into a {@link Document} that keeps it as data ({@link Document#data()}) and shows it as one
 * pretty-printed {@code json} code block. The title is the top-level {@code "title"} (else {@code "name"}) when
 * that is a string.
 *
 * <p>Invalid JSON fails the item with {@code parse}, naming where the parser stopped. Jackson's own limits
 * (nesting depth, number and string lengths) apply.
 */
final class JsonMarshaller {

    private static final int MAX_TITLE_CHARS = 2_000;
    private static final int MAX_REASON_CHARS = 300;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    Document marshal(String json, String baseUrl, MarshalDeadline deadline) {
        if (json.isBlank()) {
            throw new MarshalException(FailureType.PARSE, "The JSON document is empty");
        }
        JsonNode data = parse(json);
        deadline.checkNow();
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        deadline.checkNow();
        Metadata metadata = Metadata.builder().title(title(data)).build();
        return new Document(baseUrl, metadata, List.of(new Block.CodeBlock("json", pretty)), data);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MarshalException(FailureType.PARSE, "The JSON is invalid" + where(e.getLocation()) + ": "
                    + reason(e) + "; correct it, or send it as text/plain to read it as text", e);
        }
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String reason(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().strip();
        return message.length() > MAX_REASON_CHARS ? message.substring(0, MAX_REASON_CHARS) + "…" : message;
    }

    private static String title(JsonNode data) {
        if (!data.isObject()) {
            return null;
        }
        for (String field : new String[]{"title", "name"}) {
            JsonNode value = data.get(field);
            if (value != null && value.isString()) {
                String title = value.stringValue().strip().replaceAll("\\s+", " ");
                if (!title.isEmpty()) {
                    return title.length() > MAX_TITLE_CHARS ? title.substring(0, MAX_TITLE_CHARS) : title;
                }
            }
        }
        return null;
    }
}
