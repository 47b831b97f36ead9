package dev.cartage.source;

import java.net.URI;
import java.util.List;
import java.util.Set;

import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Reads the two listing forms, {@code {"sitemap": "https://…", "limit": 500}} and
 * {@code {"feed": "https://…", "limit": 100}}: a document URL and how many items it may expand to, at most and by
 * default {@link SourceLimits#maxExpansion()}.
 */
final class ListingSpecReader {

    static final Set<String> SITEMAP_FIELDS = Set.of("sitemap", "limit");
    static final Set<String> FEED_FIELDS = Set.of("feed", "limit");

    private final SourceLimits limits;

    ListingSpecReader(SourceLimits limits) {
        this.limits = limits;
    }

    SourceSpec sitemap(JsonNode entry, String field, List<FieldError> errors) {
        int before = errors.size();
        SourceFields.refuseUnknown(entry, SITEMAP_FIELDS, field, errors);
        URI url = SourceFields.url(entry.get("sitemap"), field + ".sitemap", errors);
        int limit = limit(entry, field, errors);
        return errors.size() > before ? null : new SourceSpec.Sitemap(url, limit);
    }

    SourceSpec feed(JsonNode entry, String field, List<FieldError> errors) {
        int before = errors.size();
        SourceFields.refuseUnknown(entry, FEED_FIELDS, field, errors);
        URI url = SourceFields.url(entry.get("feed"), field + ".feed", errors);
        int limit = limit(entry, field, errors);
        return errors.size() > before ? null : new SourceSpec.Feed(url, limit);
    }

    private int limit(JsonNode entry, String field, List<FieldError> errors) {
        JsonNode value = entry.get("limit");
        int max = limits.maxExpansion();
        if (value == null || value.isNull()) {
            return max;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > max) {
            errors.add(new FieldError(field + ".limit", "limit must be a whole number from 1 to " + max
                    + " (cartage.limits.max-expansion), was " + HttpUrls.abbreviate(value.toString())));
            return max;
        }
        return value.intValue();
    }
}
