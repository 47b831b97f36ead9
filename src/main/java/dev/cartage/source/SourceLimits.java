package dev.cartage.source;

import java.time.Duration;

/**
 * What one source entry may ask for, and how far its expansion may reach. Bound from {@code cartage.limits.*}
 * (see {@code RunLimits}); a plain record here so that this package needs nothing from the run package.
 *
 * @param maxExpansion     the largest and the default {@code limit} of a sitemap or feed source: items one such
 *                         entry may expand to
 * @param maxInlineSize    the largest {@code inline} document, in UTF-8 bytes
 * @param maxMirrors       the most {@code mirrors} one url object may list (besides its {@code url})
 * @param maxSitemapDepth  how many levels of sitemap indexes are followed below the sitemap a request names; a
 *                         sitemap deeper than this is not fetched and fails as one item
 * @param documentTimeout  how long fetching one sitemap or feed document may take
 */
public record SourceLimits(int maxExpansion, long maxInlineSize, int maxMirrors, int maxSitemapDepth,
                           Duration documentTimeout) {

    /** The documented defaults ({@code RunLimits}), for code built outside the application context. */
    public static SourceLimits defaults() {
        return new SourceLimits(50_000, 2L * 1024 * 1024, 16, 3, Duration.ofSeconds(30));
    }
}
