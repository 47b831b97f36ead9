package dev.cartage.deliver;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.pipeline.ItemException;
import dev.cartage.web.Fields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery (docs/api.md {@code "to": "webhook"}): one POST of the Outcome JSON per item to the run's URL.
 *
 * <p>The URL is checked before the run starts by the fetch stage's SSRF guard ({@link TargetGuard#refuse}:
 * scheme, port, address literals in denied ranges, {@code localhost}, the {@code cartage.fetch.guard.*} rules),
 * and every connection is checked again once its name is resolved ({@link WebhookClient}). Only the outcomes go
 * to the URL, and only to it: no redirect is followed.
 */
@Component
public class WebhookDelivery {

    /** Longer URLs are refused: some servers and proxies refuse them anyway, and they make unreadable messages. */
    static final int MAX_URL_LENGTH = 2048;

    private static final String EXPECTED = "an absolute http(s) URL such as https://hooks.example/cartage";

    private final TargetGuard guard;
    private final WebhookClient client;
    private final JsonMapper mapper;
    private final WebhookProperties properties;

    WebhookDelivery(TargetGuard guard, WebhookClient client, JsonMapper mapper, WebhookProperties properties) {
        this.guard = guard;
        this.client = client;
        this.mapper = mapper;
        this.properties = properties;
    }

    /** The checked webhook URL, or null after rejecting it. */
    public URI check(Fields url) {
        String problem = problemWith(url.value());
        if (problem != null) {
            url.reject(problem);
            return null;
        }
        return URI.create(url.value().stringValue());
    }

    /** The sink of one run that POSTs its outcomes to {@code url}. */
    public OutcomeSink open(String runId, URI url) {
        return new WebhookSink(runId, url, client::post, mapper, properties);
    }

    private String problemWith(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "a webhook needs its url: " + EXPECTED;
        }
        if (!node.isString()) {
            return "must be a string: " + EXPECTED;
        }
        String text = node.stringValue();
        if (text.length() > MAX_URL_LENGTH) {
            return "is " + text.length() + " characters long; at most " + MAX_URL_LENGTH + " are accepted";
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + "): " + EXPECTED;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || (!scheme.equals("http") && !scheme.equals("https"))) {
            return "'" + text + "' is not an http(s) URL: " + EXPECTED;
        }
        if (url.getRawAuthority() == null || url.getRawAuthority().isEmpty()) {
            return "'" + text + "' names no host: " + EXPECTED;
        }
        if (url.getRawAuthority().contains("@")) {
            return "must not carry user info (user:password@): a receiver's secret may go in the path or query";
        }
        if (url.getRawFragment() != null) {
            return "must not carry a fragment (#" + url.getRawFragment() + "): it is never sent to the receiver";
        }
        ItemException refused = guard.refuse(url);
        if (refused != null) {
            return "is not a webhook Cartage may call: " + refused.getMessage();
        }
        return null;
    }
}
