package dev.cartage.deliver;

import java.net.URI;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/** Webhook delivery (API.md {@code "to": "webhook"}): one POST of the Outcome JSON per item. */
@Component
public class WebhookDelivery {

    /** The checked webhook URL, or null after adding a field error. */
    public URI check(JsonNode url, String field, List<FieldError> errors) {
        errors.add(new FieldError("deliver.to", "'webhook' delivery is not offered yet by this version; use store or discard"));
        return null;
    }

    /** The sink of one run that POSTs its outcomes to {@code url}. */
    public OutcomeSink open(String runId, URI url) {
        throw new UnsupportedOperationException("webhook delivery is not offered yet");
    }
}
