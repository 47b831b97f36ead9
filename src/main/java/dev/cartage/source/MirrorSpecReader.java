package dev.cartage.source;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.cartage.fetch.mirror.Balance;
import dev.cartage.web.Fields;
import tools.jackson.databind.JsonNode;

/**
 * Reads url objects, {@code {"url": "…", "mirrors": ["…"], "balance": "first-response", "hedgeAfter": "200ms"}}:
 * one document at several addresses. Without mirrors the object is just its {@code url}, a plain URL source.
 */
final class MirrorSpecReader {

    private static final Set<String> FIELDS = Set.of("url", "mirrors", "balance", "hedgeAfter");

    private final SourceLimits limits;

    MirrorSpecReader(SourceLimits limits) {
        this.limits = limits;
    }

    SourceSpec read(Fields entry) {
        entry.refuseUnknown(FIELDS);
        List<URI> urls = new ArrayList<>();
        URI url = SourceFields.url(entry.child("url"));
        if (url != null) {
            urls.add(url);
        }
        mirrors(entry.child("mirrors"), urls);
        Balance balance = entry.child("balance").oneOf(Balance::fromWireName, Balance.FIRST_RESPONSE,
                "balance must be one of first-response, least-loaded, round-robin");
        Duration hedgeAfter = hedgeAfter(entry.child("hedgeAfter"), balance);
        if (entry.hasErrors()) {
            return null;
        }
        return urls.size() == 1 ? new SourceSpec.Url(url) : new SourceSpec.Mirrored(List.copyOf(urls), balance, hedgeAfter);
    }

    private void mirrors(Fields field, List<URI> urls) {
        JsonNode mirrors = field.value();
        if (field.isAbsent()) {
            return;
        }
        if (!mirrors.isArray()) {
            field.reject("mirrors must be an array of URLs, such as [\"https://mirror.example/a\"]");
            return;
        }
        if (mirrors.size() > limits.maxMirrors()) {
            field.reject("at most " + limits.maxMirrors() + " mirrors per source "
                    + "(cartage.limits.max-mirrors), got " + mirrors.size());
            return;
        }
        for (int i = 0; i < mirrors.size(); i++) {
            Fields address = field.child(i);
            URI mirror = SourceFields.url(address);
            if (mirror != null && urls.contains(mirror)) {
                address.reject("repeats the address " + mirror + "; list each address once");
            } else if (mirror != null) {
                urls.add(mirror);
            }
        }
    }

    /** The hedge delay; null (ask every address at once) when absent. */
    private static Duration hedgeAfter(Fields field, Balance balance) {
        if (field.isAbsent()) {
            return null;
        }
        if (balance != Balance.FIRST_RESPONSE) {
            field.reject("hedgeAfter only applies to balance first-response, not " + balance.wireName());
            return null;
        }
        Duration hedgeAfter = field.duration();
        if (hedgeAfter != null && hedgeAfter.isNegative()) {
            field.reject("hedgeAfter must not be negative");
            return null;
        }
        return hedgeAfter;
    }
}
