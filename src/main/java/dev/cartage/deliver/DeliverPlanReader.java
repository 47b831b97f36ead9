package dev.cartage.deliver;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.cartage.web.Fields;

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

    /** The checked plan of a request's {@code deliver}; {@code store} when the request names none. */
    public DeliverPlan read(Fields deliver) {
        if (deliver.isAbsent()) {
            return DeliverPlan.of(DeliverTarget.STORE);
        }
        Fields to = deliver.child("to");
        if (to.value() == null || !to.value().isString()) {
            to.reject("deliver must be an object such as {\"to\": \"store\"}");
            return DeliverPlan.of(DeliverTarget.STORE);
        }
        DeliverTarget target = DeliverTarget.fromWireName(to.value().stringValue())
                .filter(DeliverTarget::requestable)
                .orElse(null);
        if (target == null) {
            to.reject("unknown target '" + to.value().stringValue() + "'; one of store, discard, webhook, directory");
            return DeliverPlan.of(DeliverTarget.STORE);
        }
        deliver.refuseUnknown(FIELDS.get(target), "not a setting of '" + target.wireName() + "' delivery; expected");
        return switch (target) {
            case WEBHOOK -> new DeliverPlan(target, webhooks.check(deliver.child("url")), null);
            case DIRECTORY -> new DeliverPlan(target, null, directories.check(deliver));
            default -> DeliverPlan.of(target);
        };
    }
}
