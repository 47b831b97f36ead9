package dev.cartage.deliver;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Checks a request's {@code deliver} object (docs/api.md): {@code {"to": "store"}}, {@code {"to": "discard"}},
 * {@code {"to": "webhook", "url": "https://…"}} or {@code {"to": "directory", "path": "reports/today"}}. Every
 * problem is a field error, so a bad destination is a 400 before the run starts.
 */
@Component
public class DeliverPlanReader {

    private static final Map<DeliverTarget, Set<String>> FIELDS = Map.of(
            DeliverTarget.STORE, Set.of("to"),
            DeliverTarget.DISCARD, Set.of("to"),
            DeliverTarget.WEBHOOK, Set.of("to", "url"),
            DeliverTarget.DIRECTORY, Set.of("to", "path"));

    private final WebhookDelivery webhooks;
    private final DirectoryDelivery directories;

    public DeliverPlanReader(WebhookDelivery webhooks, DirectoryDelivery directories) {
        this.webhooks = webhooks;
        this.directories = directories;
    }

    /** The checked plan; {@code store} when the request names none. */
    public DeliverPlan read(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return DeliverPlan.of(DeliverTarget.STORE);
        }
        JsonNode to = node.isObject() ? node.get("to") : null;
        if (to == null || !to.isString()) {
            errors.add(new FieldError("deliver.to", "deliver must be an object such as {\"to\": \"store\"}"));
            return DeliverPlan.of(DeliverTarget.STORE);
        }
        DeliverTarget target = DeliverTarget.fromWireName(to.stringValue()).filter(DeliverTarget::requestable).orElse(null);
        if (target == null) {
            errors.add(new FieldError("deliver.to", "unknown target '" + to.stringValue()
                    + "'; one of store, discard, webhook, directory"));
            return DeliverPlan.of(DeliverTarget.STORE);
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.get(target).contains(name)) {
                errors.add(new FieldError("deliver." + name, "not a setting of '" + target.wireName()
                        + "' delivery; expected " + FIELDS.get(target).stream().sorted().toList()));
            }
        }
        if (target == DeliverTarget.WEBHOOK) {
            URI url = webhooks.check(node.get("url"), "deliver.url", errors);
            return new DeliverPlan(target, url, null);
        }
        if (target == DeliverTarget.DIRECTORY) {
            Path directory = directories.check(node.get("path"), "deliver.path", errors);
            return new DeliverPlan(target, null, directory);
        }
        return DeliverPlan.of(target);
    }
}
