package dev.cartage.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;

/**
 * Reads the entry links of an RSS (0.9x, 1.0, 2.0) or Atom feed with rome, each resolved against the feed's own
 * URL. Rome refuses any DOCTYPE by default; Cartage says so explicitly, so that a feed cannot declare an external
 * entity that reads a file or calls another host (tested with such a feed).
 *
 * <p>A feed is read whole: rome builds a document tree, which is fine for feeds (they carry their latest few
 * dozen entries), unlike the sitemaps of 50,000 pages that {@link SitemapDocument} streams.
 */
final class FeedLinks {

    private static final String[] SAMPLES = {
        "<rss version=\"2.0\"><channel><title>t</title><link>https://example.org/</link><description>d</description>"
                + "<item><link>https://example.org/a</link></item></channel></rss>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:t</id><updated>2024-01-01T00:00:00Z</updated>"
                + "<entry><title>a</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated>"
                + "<link href=\"https://example.org/a\"/></entry></feed>"};

    private static volatile boolean warm;

    private FeedLinks() {
    }

    /**
     * Reads one RSS and one Atom feed, once. Rome loads its parsers and converters from {@code rome.properties}
     * files on the class path the first time it is used, a blocking read of a jar; the sources call this while the
     * application starts, so that it never happens on a CPU-scheduler thread, where blocking is forbidden.
     */
    static void warmUp() {
        if (warm) {
            return;
        }
        for (String sample : SAMPLES) {
            try {
                read(new ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8)), URI.create("https://example.org/"),
                        "application/xml");
            } catch (IOException | FeedException e) {
                throw new IllegalStateException("rome cannot read a sample feed; is the rome jar complete?", e);
            }
        }
        warm = true;
    }

    /**
     * The entries of the feed in {@code content}, in feed order, as items or as failures of entries without a
     * usable link.
     *
     * @param feedUrl     the URL the feed was fetched from, which relative links resolve against
     * @param contentType the Content-Type the feed was served with (its charset is used), or null
     * @throws IOException   if the content cannot be read
     * @throws FeedException if it is not a feed rome can read (not XML, not RSS or Atom, a DOCTYPE)
     */
    static List<Expanded> read(InputStream content, URI feedUrl, String contentType) throws IOException, FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        List<SyndEntry> entries;
        try (Reader reader = new XmlReader(content, contentType, true)) {
            entries = input.build(reader).getEntries();
        } catch (IllegalArgumentException notAFeed) {
            // rome's way of saying "no parser for this document": XML, but neither RSS nor Atom
            throw new FeedException(feedUrl + " is not an RSS or Atom feed", notAFeed);
        }
        List<Expanded> links = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            links.add(link(entries.get(i), i, feedUrl));
        }
        return links;
    }

    private static Expanded link(SyndEntry entry, int index, URI feedUrl) {
        String href = entry.getLink() != null ? entry.getLink() : entry.getUri();
        if (href == null || href.isBlank()) {
            return Expanded.failed(feedUrl + "#entry-" + index, FailureType.INVALID_URL, "entry " + index
                    + titled(entry) + " of the feed " + feedUrl + " has no link");
        }
        try {
            URI url = HttpUrls.parse(feedUrl.resolve(href.strip()).toString());
            return Expanded.item(url.toString(), SourceItem.of(url));
        } catch (IllegalArgumentException | ItemException e) {
            return Expanded.failed(HttpUrls.abbreviate(href.strip()), FailureType.INVALID_URL, "entry " + index
                    + titled(entry) + " of the feed " + feedUrl + " links to an address that cannot be fetched: "
                    + e.getMessage());
        }
    }

    private static String titled(SyndEntry entry) {
        return entry.getTitle() == null || entry.getTitle().isBlank() ? "" : " ('" + HttpUrls.abbreviate(entry.getTitle().strip()) + "')";
    }
}
