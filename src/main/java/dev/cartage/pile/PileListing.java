package dev.cartage.pile;

import java.util.List;

/**
 * The JSON answer of {@code GET /pile}: the pile's parameters, where its sitemap and feed are, and its first
 * pages (at most {@link #LIMIT}; the sitemap and feed list all of them).
 *
 * @param count     pages in the pile
 * @param seed      the pile's seed
 * @param latency   the latency every listed URL carries
 * @param failEvery the failEvery every listed URL carries
 * @param listed    how many pages {@code pages} holds
 * @param truncated whether the pile has more pages than {@code pages} holds
 * @param note      what to read for the rest when truncated, else null
 * @param sitemap   the URL of the pile's sitemap
 * @param feed      the URL of the pile's RSS feed
 * @param pages     the first pages, in order
 */
record PileListing(int count, long seed, String latency, int failEvery, int listed, boolean truncated,
                   String note, String sitemap, String feed, List<Page> pages) {

    /** The most pages one listing shows. */
    static final int LIMIT = 1_000;

    /**
     * One page of the pile.
     *
     * @param n     the page number, from 0
     * @param url   the page's URL, with the pile's parameters
     * @param title the page's title
     */
    record Page(int n, String url, String title) {
    }

    static PileListing of(PileQuery query, PileOrigin origin, List<Page> pages) {
        boolean truncated = query.count() > pages.size();
        String note = truncated
                ? "showing the first " + pages.size() + " of " + query.count() + " pages; the sitemap and feed list all"
                : null;
        return new PileListing(query.count(), query.seed(), query.latencyText(), query.failEvery(), pages.size(),
                truncated, note, origin.sitemapUrl(query), origin.feedUrl(query), pages);
    }
}
