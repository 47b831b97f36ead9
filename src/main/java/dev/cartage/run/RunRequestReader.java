package dev.cartage.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.cartage.deliver.DeliverPlan;
import dev.cartage.deliver.DeliverPlanReader;
import dev.cartage.pipeline.Overflow;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StagesSettings;
import dev.cartage.render.Format;
import dev.cartage.source.SourceParser;
import dev.cartage.source.SourceSpec;
import dev.cartage.web.FieldError;
import dev.cartage.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a run request (docs/api.md, "Run request") and fills in the defaults. Every problem is collected with the path
 * of its field, so one 400 answer lists all of them; unknown fields are refused rather than ignored, because a
 * misspelt setting that silently does nothing is worse than an error.
 */
@Component
class RunRequestReader {

    private static final Set<String> TOP_LEVEL = Set.of("sources", "format", "stages", "ordered", "deliver");
    /** The settings of one stage, in a run request's {@code stages} and as {@code /api/pipeline} query parameters. */
    static final Set<String> STAGE_FIELDS = Set.of("parallelism", "buffer", "overflow", "timeout", "retries");
    /** The keys of a run request's {@code stages}, and the first part of a {@code {stage}.{setting}} parameter. */
    static final List<String> STAGE_NAMES = Arrays.stream(Stage.values()).map(Stage::wireName).toList();

    private final SourceParser sources;
    private final StagesProperties defaults;
    private final RunLimits limits;
    private final DeliverPlanReader destinations;

    RunRequestReader(SourceParser sources, StagesProperties defaults, RunLimits limits, DeliverPlanReader destinations) {
        this.sources = sources;
        this.destinations = destinations;
        this.defaults = defaults;
        this.limits = limits;
    }

    RunPlan read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object such as {\"sources\": [\"https://…\"]}");
        }
        unknownFields(body, TOP_LEVEL, "", errors);
        List<SourceSpec> specs = sources(body.get("sources"), errors);
        Format format = format(body.get("format"), errors);
        StagesSettings stages = stages(body.get("stages"), errors);
        boolean ordered = bool(body.get("ordered"), "ordered", errors);
        DeliverPlan deliver = destinations.read(body.get("deliver"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new RunPlan(specs, format, stages, ordered, deliver);
    }

    /** Stage settings from query parameters such as {@code fetch.parallelism=8}, for streaming requests. */
    StagesSettings stages(JsonNode stagesObject, List<FieldError> errors) {
        if (stagesObject != null && !stagesObject.isNull() && !stagesObject.isObject()) {
            errors.add(new FieldError("stages", "stages must be an object such as {\"fetch\": {\"parallelism\": 16}}"));
            return defaults.settings();
        }
        if (stagesObject != null && stagesObject.isObject()) {
            unknownFields(stagesObject, Set.copyOf(STAGE_NAMES), "stages.", errors);
        }
        return StagesSettings.of(stage -> {
            JsonNode node = stagesObject == null || stagesObject.isNull() ? null : stagesObject.get(stage.wireName());
            return stage(stage, node, "stages." + stage.wireName(), errors);
        });
    }

    Format format(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return Format.MARKDOWN;
        }
        String name = node.isString() ? node.stringValue() : node.toString();
        Format format = Format.fromWireName(name).orElse(null);
        if (format == null) {
            errors.add(new FieldError("format", "unknown format '" + name + "'; one of markdown, html, text, json, card"));
            return Format.MARKDOWN;
        }
        if (!format.available()) {
            errors.add(new FieldError("format", "the format '" + name + "' is not offered yet by this version; use markdown"));
        }
        return format;
    }

    private List<SourceSpec> sources(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("sources", "sources is required: a non-empty array of URLs or source objects"));
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError("sources", "sources must be an array, such as [\"https://example.org/a\"]"));
            return List.of();
        }
        if (node.isEmpty()) {
            errors.add(new FieldError("sources", "sources must not be empty"));
            return List.of();
        }
        if (node.size() > limits.maxSources()) {
            errors.add(new FieldError("sources", "at most " + limits.maxSources() + " entries per request (cartage.limits.max-sources), got "
                    + node.size() + "; use a sitemap or pile source, or stream them to /api/pipeline"));
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>(node.size());
        node.forEach(entries::add);
        return sources.parse(entries, "sources", errors);
    }

    private StageSettings stage(Stage stage, JsonNode node, String path, List<FieldError> errors) {
        StageDefaults base = defaults.forStage(stage);
        if (node == null || node.isNull()) {
            return base.toSettings();
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path, "a stage's settings are an object such as {\"parallelism\": 4, \"buffer\": 32}"));
            return base.toSettings();
        }
        unknownFields(node, STAGE_FIELDS, path + ".", errors);
        StageSettings settings = base.toSettings();
        int parallelism = integer(node.get("parallelism"), path + ".parallelism", 1, limits.maxParallelism(),
                settings.parallelism(), errors);
        int buffer = integer(node.get("buffer"), path + ".buffer", 0, limits.maxBuffer(), settings.buffer(), errors);
        int retries = integer(node.get("retries"), path + ".retries", 0, limits.maxRetries(), settings.retries(), errors);
        Overflow overflow = overflow(node.get("overflow"), path + ".overflow", settings.overflow(), errors);
        Duration timeout = timeout(node.get("timeout"), path + ".timeout", settings.timeout(), errors);
        return new StageSettings(parallelism, buffer, overflow, timeout, retries);
    }

    private static int integer(JsonNode node, String path, int min, int max, int fallback, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            errors.add(new FieldError(path, "must be a whole number from " + min + " to " + max + ", was " + node));
            return fallback;
        }
        return node.intValue();
    }

    private static Overflow overflow(JsonNode node, String path, Overflow fallback, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        Overflow overflow = node.isString() ? Overflow.fromWireName(node.stringValue()).orElse(null) : null;
        if (overflow == null) {
            errors.add(new FieldError(path, "must be one of backpressure, drop-oldest, drop-newest, error; was " + node));
            return fallback;
        }
        return overflow;
    }

    private Duration timeout(JsonNode node, String path, Duration fallback, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        Duration timeout = SourceParser.duration(node, path, errors);
        if (timeout == null) {
            return fallback;
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(limits.maxTimeout()) > 0) {
            errors.add(new FieldError(path, "must be more than 0 and at most " + limits.maxTimeout().toSeconds()
                    + "s (cartage.limits.max-timeout), was " + node));
            return fallback;
        }
        return timeout;
    }

    private static boolean bool(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError(path, "must be true or false, was " + node));
            return false;
        }
        return node.booleanValue();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<FieldError> errors) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(prefix + name, "unknown field; expected one of " + known.stream().sorted().toList()));
            }
        }
    }
}
