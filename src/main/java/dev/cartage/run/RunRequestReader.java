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
import dev.cartage.web.Fields;
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
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object such as {\"sources\": [\"https://…\"]}");
        }
        Fields request = Fields.of(body);
        request.refuseUnknown(TOP_LEVEL);
        List<SourceSpec> specs = sources(request.child("sources"));
        Format format = RequestedFormat.read(request.child("format"));
        StagesSettings stages = stages(request.child("stages"));
        boolean ordered = request.child("ordered").bool(false);
        DeliverPlan deliver = destinations.read(request.child("deliver"));
        request.throwIfInvalid();
        return new RunPlan(specs, format, stages, ordered, deliver);
    }

    /** The settings of every stage: the request's where it names them, the configured defaults elsewhere. */
    StagesSettings stages(Fields stages) {
        if (!stages.isAbsent() && !stages.value().isObject()) {
            stages.reject("stages must be an object such as {\"fetch\": {\"parallelism\": 16}}");
            return defaults.settings();
        }
        stages.refuseUnknown(STAGE_NAMES);
        return StagesSettings.of(stage -> stage(stage, stages.child(stage.wireName())));
    }

    private List<SourceSpec> sources(Fields field) {
        JsonNode node = field.value();
        if (field.isAbsent()) {
            field.reject("sources is required: a non-empty array of URLs or source objects");
            return List.of();
        }
        if (!node.isArray()) {
            field.reject("sources must be an array, such as [\"https://example.org/a\"]");
            return List.of();
        }
        if (node.isEmpty()) {
            field.reject("sources must not be empty");
            return List.of();
        }
        if (node.size() > limits.maxSources()) {
            field.reject("at most " + limits.maxSources() + " entries per request (cartage.limits.max-sources), got "
                    + node.size() + "; use a sitemap or pile source, or stream them to /api/pipeline");
            return List.of();
        }
        List<SourceSpec> specs = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            SourceSpec spec = sources.parseOne(field.child(i));
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    private StageSettings stage(Stage stage, Fields field) {
        StageSettings base = defaults.forStage(stage).toSettings();
        if (field.isAbsent()) {
            return base;
        }
        if (!field.value().isObject()) {
            field.reject("a stage's settings are an object such as {\"parallelism\": 4, \"buffer\": 32}");
            return base;
        }
        field.refuseUnknown(STAGE_FIELDS);
        int parallelism = field.child("parallelism").integer(1, limits.maxParallelism(), base.parallelism());
        int buffer = field.child("buffer").integer(0, limits.maxBuffer(), base.buffer());
        int retries = field.child("retries").integer(0, limits.maxRetries(), base.retries());
        Overflow overflow = field.child("overflow").oneOf(Overflow::fromWireName, base.overflow(),
                "must be one of backpressure, drop-oldest, drop-newest, error");
        Duration timeout = timeout(field.child("timeout"), base.timeout());
        return new StageSettings(parallelism, buffer, overflow, timeout, retries);
    }

    private Duration timeout(Fields field, Duration fallback) {
        if (field.isAbsent()) {
            return fallback;
        }
        Duration timeout = field.duration();
        if (timeout == null) {
            return fallback;
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(limits.maxTimeout()) > 0) {
            field.reject("must be more than 0 and at most " + limits.maxTimeout().toSeconds()
                    + "s (cartage.limits.max-timeout), was " + field.value());
            return fallback;
        }
        return timeout;
    }
}
