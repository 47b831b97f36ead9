package dev.cartage.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import dev.cartage.pipeline.Stage;
import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The start page's form as it was sent: its fields are named after the run request's JSON paths
 * ({@code stages.fetch.parallelism}, {@code pile.count}), so it turns into the same JSON request {@code POST /api/runs}
 * takes, checked by the same reader; and a reader's error path leads back to the form field to show it beside.
 *
 * @param values the submitted value of every field, as typed; a checkbox is present only when checked
 */
record RunForm(Map<String, String> values) {

    static final List<String> SOURCES = List.of("pile", "urls", "sitemap", "feed");
    static final List<String> STAGE_FIELDS = List.of("parallelism", "buffer");
    private static final Pattern SOURCE_PATH = Pattern.compile("sources\\[(\\d+)](?:\\.(.*))?");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The form as first shown: the demo pile of 200 pages and every stage's configured defaults. */
    static RunForm defaults(StagesProperties stages) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source", "pile");
        values.put("urls", "");
        values.put("sitemap", "");
        values.put("feed", "");
        values.put("pile.count", "200");
        values.put("pile.latency", "20ms");
        values.put("pile.failEvery", "50");
        values.put("format", "markdown");
        for (Stage stage : Stage.values()) {
            values.put(stageField(stage, "parallelism"), Integer.toString(stages.forStage(stage).toSettings().parallelism()));
            values.put(stageField(stage, "buffer"), Integer.toString(stages.forStage(stage).buffer()));
        }
        values.put("deliver", "store");
        values.put("ordered", null);
        return new RunForm(values);
    }

    /** The form as sent; fields it does not know are ignored, the reader's checks cover the rest. */
    static RunForm of(MultiValueMap<String, String> sent, StagesProperties stages) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : defaults(stages).values().keySet()) {
            values.put(field, sent.getFirst(field));
        }
        return new RunForm(values);
    }

    static String stageField(Stage stage, String setting) {
        return "stages." + stage.wireName() + "." + setting;
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public boolean checked(String field) {
        return values.get(field) != null;
    }

    public String source() {
        String source = value("source");
        return SOURCES.contains(source) ? source : "pile";
    }

    /** The run request this form stands for, as {@code POST /api/runs} would receive it. */
    JsonNode toRequest() {
        ObjectNode request = JSON.objectNode();
        request.set("sources", sources());
        putIfGiven(request, "format", text(value("format")));
        ObjectNode stages = request.putObject("stages");
        for (Stage stage : Stage.values()) {
            ObjectNode settings = stages.putObject(stage.wireName());
            for (String setting : STAGE_FIELDS) {
                putIfGiven(settings, setting, number(value(stageField(stage, setting))));
            }
        }
        request.put("ordered", checked("ordered"));
        request.putObject("deliver").put("to", value("deliver").isBlank() ? "store" : value("deliver").strip());
        return request;
    }

    private ArrayNode sources() {
        ArrayNode sources = JSON.arrayNode();
        switch (source()) {
            case "urls" -> urlLines().forEach(line -> sources.add(line.text()));
            case "sitemap", "feed" -> sources.addObject().put(source(), value(source()).strip());
            default -> {
                ObjectNode pile = sources.addObject().putObject("pile");
                putIfGiven(pile, "count", number(value("pile.count")));
                putIfGiven(pile, "latency", text(value("pile.latency")));
                putIfGiven(pile, "failEvery", number(value("pile.failEvery")));
            }
        }
        return sources;
    }

    /** The URL list's non-blank lines, each with its line number in the text area (from 1). */
    List<Line> urlLines() {
        List<Line> lines = new ArrayList<>();
        String[] all = value("urls").split("\r?\n|\r", -1);
        for (int i = 0; i < all.length; i++) {
            if (!all[i].isBlank()) {
                lines.add(new Line(i + 1, all[i].strip()));
            }
        }
        return lines;
    }

    /**
     * The form field a reader's error belongs to, and its message as the form's user should read it: a URL list's
     * {@code sources[3]} is a line of {@code urls}, a pile's {@code sources[0].pile.count} is {@code pile.count}.
     */
    FieldError toFormField(FieldError error) {
        String path = error.field();
        if (values.containsKey(path)) {
            return error;
        }
        if (path.equals("sources")) {
            return new FieldError(source().equals("pile") ? "source" : source(), error.message());
        }
        Matcher source = SOURCE_PATH.matcher(path);
        if (source.matches()) {
            return sourceField(Integer.parseInt(source.group(1)), source.group(2), error.message());
        }
        if (path.startsWith("deliver")) {
            return new FieldError("deliver", error.message());
        }
        return new FieldError("form", path + ": " + error.message());
    }

    private FieldError sourceField(int index, String rest, String message) {
        return switch (source()) {
            case "urls" -> {
                List<Line> lines = urlLines();
                String where = index < lines.size() ? "Line " + lines.get(index).number() + ": " : "";
                yield new FieldError("urls", where + message);
            }
            case "sitemap", "feed" -> new FieldError(source(), message);
            default -> {
                String field = rest == null ? "source" : rest;
                yield new FieldError(values.containsKey(field) ? field : "source", message);
            }
        };
    }

    /** A number when the text is one, else the text itself, so that the reader words what is wrong with it. */
    private static JsonNode number(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return JSON.numberNode(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return JSON.stringNode(value);
        }
    }

    private static JsonNode text(String text) {
        String value = text.strip();
        return value.isEmpty() ? null : JSON.stringNode(value);
    }

    private static void putIfGiven(ObjectNode object, String name, JsonNode value) {
        if (value != null) {
            object.set(name, value);
        }
    }

    /** One line of the URL list. */
    record Line(int number, String text) {
    }
}
