package dev.cartage.run;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import dev.cartage.deliver.DeliverPlan;
import dev.cartage.deliver.DeliverTarget;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StagesSettings;
import dev.cartage.render.Format;
import dev.cartage.web.Fields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a {@code POST /api/pipeline} request (docs/api.md): a JSON run request, or query parameters ({@code format},
 * {@code ordered}, {@code {stage}.{setting}}) for an NDJSON body. Either way the outcomes go to the response, so
 * the plan's destination is {@link DeliverTarget#RESPONSE} and a {@code deliver} field is refused. Query
 * parameters are checked by the same rules as the JSON fields, and their errors name the parameter.
 */
@Component
class PipelineRequestReader {

    private static final Set<String> INTEGER_SETTINGS = Set.of("parallelism", "buffer", "retries");
    private static final DeliverPlan TO_RESPONSE = DeliverPlan.of(DeliverTarget.RESPONSE);

    private final RunRequestReader runs;

    PipelineRequestReader(RunRequestReader runs) {
        this.runs = runs;
    }

    /** A JSON run request whose outcomes stream back; the query string must be empty. */
    RunPlan readBody(JsonNode body, MultiValueMap<String, String> query) {
        Fields request = Fields.of(body);
        if (body != null && body.isObject() && body.has("deliver")) {
            request.child("deliver").reject("/api/pipeline delivers to its own response; leave deliver out, "
                    + "or use POST /api/runs to deliver to store, webhook or directory");
        }
        for (String name : query.keySet()) {
            request.at(name, null).reject("with a JSON body the settings go in the body; query parameters are "
                    + "for NDJSON bodies");
        }
        request.throwIfInvalid();
        RunPlan plan = runs.read(body);
        return new RunPlan(plan.sources(), plan.format(), plan.stages(), plan.ordered(), TO_RESPONSE);
    }

    /** The settings of an NDJSON request, from its query parameters; its sources come from the body. */
    RunPlan readQuery(MultiValueMap<String, String> query) {
        Fields parameters = Fields.of(null);
        ObjectNode stages = JsonNodeFactory.instance.objectNode();
        JsonNode format = null;
        String ordered = null;
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (parameter.getValue().size() != 1) {
                parameters.at(name, null).reject("give " + name + " once, not " + parameter.getValue().size() + " times");
                continue;
            }
            String value = parameter.getValue().get(0);
            if (name.equals("format")) {
                format = JsonNodeFactory.instance.stringNode(value);
            } else if (name.equals("ordered")) {
                ordered = value;
            } else if (isStageSetting(name)) {
                String[] parts = name.split("\\.");
                ObjectNode stage = stages.has(parts[0]) ? (ObjectNode) stages.get(parts[0]) : stages.putObject(parts[0]);
                stage.set(parts[1], INTEGER_SETTINGS.contains(parts[1]) ? number(value) : JsonNodeFactory.instance.stringNode(value));
            } else {
                parameters.at(name, null).reject("unknown query parameter; expected format, ordered or {stage}.{setting} "
                        + "such as fetch.parallelism=8 (stages " + RunRequestReader.STAGE_NAMES + ", settings "
                        + RunRequestReader.STAGE_FIELDS.stream().sorted().toList() + ")");
            }
        }
        Format chosen = RequestedFormat.read(parameters.at("format", format));
        // a stage setting's parameter is its path under stages: fetch.parallelism, not stages.fetch.parallelism
        StagesSettings settings = runs.stages(parameters.at("", stages));
        boolean inOrder = ordered(parameters.at("ordered", null), ordered);
        parameters.throwIfInvalid();
        return new RunPlan(List.of(), chosen, settings, inOrder, TO_RESPONSE);
    }

    /** {@code true} or {@code false} as the query wrote it; echoed as written when it is neither. */
    private static boolean ordered(Fields parameter, String value) {
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            parameter.reject("must be true or false, was " + value);
            return false;
        }
        return Boolean.parseBoolean(value);
    }

    private static boolean isStageSetting(String name) {
        String[] parts = name.split("\\.", -1);
        return parts.length == 2 && Stage.fromWireName(parts[0]).isPresent()
                && RunRequestReader.STAGE_FIELDS.contains(parts[1]);
    }

    /** A whole number as a number node, so that the JSON rules apply; anything else stays text and is refused there. */
    private static JsonNode number(String value) {
        try {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.stringNode(value);
        }
    }
}
