package dev.cartage.pile;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes the sitemap (sitemaps.org {@code urlset}) and the RSS 2.0 feed of a pile, one entry per page in page
 * order, streamed in chunks so that a pile of 100,000 pages is never held in memory as one document.
 */
final class PileFeeds {

    /** Entries per written chunk: large enough to keep the per-write cost small, small enough to stream. */
    private static final int CHUNK = 256;

    private static final String SITEMAP_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            """;

    private final PileOrigin origin;

    PileFeeds(PileOrigin origin) {
        this.origin = origin;
    }

    Flux<String> sitemap(PileQuery query) {
        Flux<String> entries = origin.manualUrls(query)
                .map(url -> "  <url><loc>" + xml(url) + "</loc></url>\n");
        return Flux.concat(Mono.just(SITEMAP_HEAD), chunked(entries), Mono.just("</urlset>\n"));
    }

    Flux<String> feed(PileQuery query) {
        Flux<String> items = origin.manualUrls(query)
                .index((n, url) -> item(Chapter.of(query.seed(), n.intValue()), url));
        return Flux.concat(Mono.fromCallable(() -> feedHead(query)), chunked(items),
                Mono.just("</channel>\n</rss>\n"));
    }

    private String feedHead(PileQuery query) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\">\n<channel>\n"
                + "  <title>" + xml(ManualWords.SITE_NAME) + ": manuals of obsolete programming languages</title>\n"
                + "  <link>" + xml(origin.listingUrl(query)) + "</link>\n"
                + "  <description>" + query.count() + " generated manual chapters for seed " + query.seed()
                + "</description>\n"
                + "  <language>en</language>\n";
    }

    private static String item(Chapter chapter, String url) {
        return "  <item>\n"
                + "    <title>" + xml(chapter.title()) + "</title>\n"
                + "    <link>" + xml(url) + "</link>\n"
                + "    <guid isPermaLink=\"true\">" + xml(url) + "</guid>\n"
                + "    <description>" + xml(chapter.description()) + "</description>\n"
                + "  </item>\n";
    }

    private static Flux<String> chunked(Flux<String> entries) {
        return entries.buffer(CHUNK).map(part -> String.join("", part));
    }

    /** Escapes text for XML element content and double-quoted attributes. */
    static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
