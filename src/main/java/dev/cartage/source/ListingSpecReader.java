package dev.cartage.source;

import java.net.URI;
import java.util.Set;

import dev.cartage.web.Fields;

/**
 * Reads the two listing forms, {@code {"sitemap": "https://…", "limit": 500}} and
 * {@code {"feed": "https://…", "limit": 100}}: a document URL and how many items it may expand to, at most and by
 * default {@link SourceLimits#maxExpansion()}.
 */
final class ListingSpecReader {

    private static final Set<String> SITEMAP_FIELDS = Set.of("sitemap", "limit");
    private static final Set<String> FEED_FIELDS = Set.of("feed", "limit");

    private final SourceLimits limits;

    ListingSpecReader(SourceLimits limits) {
        this.limits = limits;
    }

    SourceSpec sitemap(Fields entry) {
        entry.refuseUnknown(SITEMAP_FIELDS);
        URI url = SourceFields.url(entry.child("sitemap"));
        int limit = limit(entry.child("limit"));
        return entry.hasErrors() ? null : new SourceSpec.Sitemap(url, limit);
    }

    SourceSpec feed(Fields entry) {
        entry.refuseUnknown(FEED_FIELDS);
        URI url = SourceFields.url(entry.child("feed"));
        int limit = limit(entry.child("limit"));
        return entry.hasErrors() ? null : new SourceSpec.Feed(url, limit);
    }

    private int limit(Fields field) {
        int max = limits.maxExpansion();
        return field.integer(1, max, max,
                "limit must be a whole number from 1 to " + max + " (cartage.limits.max-expansion)");
    }
}
