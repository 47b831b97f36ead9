package dev.cartage.source;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.cartage.fetch.mirror.Balance;
import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Reads url objects, {@code {"url": "…", "mirrors": ["…"], "balance": "first-response", "hedgeAfter": "200ms"}}:
 * one document at several addresses. Without mirrors the object is just its {@code url}, a plain URL source.
 */
final class MirrorSpecReader {

    static final Set<String> FIELDS = Set.of("url", "mirrors", "balance", "hedgeAfter");

    private final SourceLimits limits;

    MirrorSpecReader(SourceLimits limits) {
        this.limits = limits;
    }

    SourceSpec read(JsonNode entry, String field, List<FieldError> errors) {
        int before = errors.size();
        SourceFields.refuseUnknown(entry, FIELDS, field, errors);
        List<URI> urls = new ArrayList<>();
        URI url = SourceFields.url(entry.get("url"), field + ".url", errors);
        if (url != null) {
            urls.add(url);
        }
        mirrors(entry.get("mirrors"), field + ".mirrors", urls, errors);
        Balance balance = balance(entry.get("balance"), field + ".balance", errors);
        Duration hedgeAfter = hedgeAfter(entry.get("hedgeAfter"), balance, field + ".hedgeAfter", errors);
        if (errors.size() > before) {
            return null;
        }
        return urls.size() == 1 ? new SourceSpec.Url(url) : new SourceSpec.Mirrored(List.copyOf(urls), balance, hedgeAfter);
    }

    private void mirrors(JsonNode mirrors, String field, List<URI> urls, List<FieldError> errors) {
        if (mirrors == null || mirrors.isNull()) {
            return;
        }
        if (!mirrors.isArray()) {
            errors.add(new FieldError(field, "mirrors must be an array of URLs, such as [\"https://mirror.example/a\"]"));
            return;
        }
        if (mirrors.size() > limits.maxMirrors()) {
            errors.add(new FieldError(field, "at most " + limits.maxMirrors() + " mirrors per source "
                    + "(cartage.limits.max-mirrors), got " + mirrors.size()));
            return;
        }
        for (int i = 0; i < mirrors.size(); i++) {
            URI mirror = SourceFields.url(mirrors.get(i), field + "[" + i + "]", errors);
            if (mirror != null && urls.contains(mirror)) {
                errors.add(new FieldError(field + "[" + i + "]", "repeats the address " + mirror
                        + "; list each address once"));
            } else if (mirror != null) {
                urls.add(mirror);
            }
        }
    }

    private static Balance balance(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return Balance.FIRST_RESPONSE;
        }
        Balance balance = value.isString() ? Balance.fromWireName(value.stringValue()).orElse(null) : null;
        if (balance == null) {
            errors.add(new FieldError(field, "balance must be one of first-response, least-loaded, round-robin; was "
                    + HttpUrls.abbreviate(value.toString())));
            return Balance.FIRST_RESPONSE;
        }
        return balance;
    }

    /** The hedge delay; null (ask every address at once) when absent. */
    private static Duration hedgeAfter(JsonNode value, Balance balance, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (balance != Balance.FIRST_RESPONSE) {
            errors.add(new FieldError(field, "hedgeAfter only applies to balance first-response, not "
                    + balance.wireName()));
            return null;
        }
        Duration hedgeAfter = SourceFields.duration(value, field, errors);
        if (hedgeAfter != null && hedgeAfter.isNegative()) {
            errors.add(new FieldError(field, "hedgeAfter must not be negative"));
            return null;
        }
        return hedgeAfter;
    }
}
