package dev.cartage.source;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import crawlercommons.mimetypes.MimeTypeDetector;
import crawlercommons.sitemaps.SkipLeadingWhiteSpaceInputStream;
import dev.cartage.fetch.Fetched;

/**
 * One fetched sitemap, read one {@code <loc>} at a time: a pull parser, so that the caller decides how far it
 * reads. Nothing is parsed ahead of the caller's {@link #next()}, and only the current address is held. A
 * document holds nothing but memory (the fetched body), so there is nothing to close when it is abandoned.
 *
 * <p>The document is recognised by its bytes first, the way crawler-commons' {@link MimeTypeDetector} does it
 * (gzip magic, an XML start, a leading {@code http(s)://}), then by its Content-Type: gzipped sitemaps are
 * unpacked whatever they are called (a server that sends {@code Content-Encoding: gzip} has had them unpacked by
 * the client already), plain-text sitemaps are one URL per line. XML is read with the JDK's StAX parser with DTDs
 * and external entities off, so a sitemap cannot make Cartage read files or call other hosts.
 */
final class SitemapDocument {

    /** What the document lists. */
    enum Kind {
        /** Pages: a {@code urlset}, or a plain-text sitemap. */
        PAGES,
        /** Other sitemaps: a {@code sitemapindex}. */
        SITEMAPS,
        /** An RSS or Atom feed, which sitemaps.org accepts as a sitemap: read whole by {@link FeedLinks}. */
        FEED
    }

    private static final MimeTypeDetector SNIFFER = new MimeTypeDetector();

    private final Kind kind;
    private final XMLStreamReader xml;
    private final BufferedReader text;
    private final String entry;
    private int depth = 1;
    private boolean inEntry;

    private SitemapDocument(Kind kind, XMLStreamReader xml, BufferedReader text) {
        this.kind = kind;
        this.xml = xml;
        this.text = text;
        this.entry = kind == Kind.SITEMAPS ? "sitemap" : "url";
    }

    /**
     * Opens {@code page}'s body and reads up to its root element.
     *
     * @param maxBytes the most bytes a gzipped body may unpack to
     * @throws NotAListingException if the document is neither a sitemap nor a feed
     * @throws IOException          if it cannot be unpacked, or unpacks past {@code maxBytes}
     * @throws XMLStreamException   if its XML is broken before the root element
     */
    static SitemapDocument open(Fetched page, long maxBytes) throws IOException, XMLStreamException, NotAListingException {
        BufferedInputStream content = new BufferedInputStream(unpacked(page, maxBytes));
        String sniffed = SNIFFER.detect(content);
        String declared = mediaType(page.contentType());
        if (SNIFFER.isText(sniffed) || (sniffed == null && SNIFFER.isText(declared))) {
            return new SitemapDocument(Kind.PAGES, null,
                    new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8)));
        }
        if (!SNIFFER.isXml(sniffed) && !SNIFFER.isXml(declared)) {
            throw new NotAListingException(page.url() + " is " + (declared.isEmpty() ? "of no declared type" : declared)
                    + ", not a sitemap (XML, gzipped XML or a plain-text list of URLs)");
        }
        XMLStreamReader xml = xmlFactory().createXMLStreamReader(new SkipLeadingWhiteSpaceInputStream(content));
        xml.nextTag();
        return new SitemapDocument(kind(xml.getLocalName(), page), xml, null);
    }

    /** The body of {@code page}, unpacked if it is gzipped, at most {@code maxBytes} once unpacked. */
    static InputStream unpacked(Fetched page, long maxBytes) throws IOException {
        InputStream body = new ByteArrayInputStream(page.body());
        if (!SNIFFER.isGzip(SNIFFER.detect(page.body()))) {
            return body;
        }
        return new CappedInputStream(new GZIPInputStream(body), maxBytes, "the gzipped sitemap " + page.url());
    }

    Kind kind() {
        return kind;
    }

    /** The next address listed, whitespace removed (possibly empty); null after the last one. */
    String next() throws IOException, XMLStreamException {
        return text != null ? nextLine() : nextLoc();
    }

    /**
     * The text of the next {@code <loc>} directly inside a {@code <url>} (or {@code <sitemap>}) directly inside
     * the root: extensions such as {@code <image:loc>} sit deeper and are skipped. Namespaces are not checked,
     * as crawler-commons does not by default: many sitemaps get them wrong.
     */
    private String nextLoc() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2) {
                    inEntry = entry.equals(xml.getLocalName());
                } else if (depth == 3 && inEntry && "loc".equals(xml.getLocalName())) {
                    depth--;
                    return xml.getElementText().strip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return null;
    }

    private String nextLine() throws IOException {
        for (String line = text.readLine(); line != null; line = text.readLine()) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }

    private static Kind kind(String root, Fetched page) throws NotAListingException {
        switch (root) {
            case "urlset":
                return Kind.PAGES;
            case "sitemapindex":
                return Kind.SITEMAPS;
            case "rss":
            case "feed":
            case "RDF":
                return Kind.FEED;
            default:
                throw new NotAListingException(page.url() + " is XML with the root element <" + root
                        + ">, not a sitemap (<urlset> or <sitemapindex>) or a feed");
        }
    }

    /**
     * Reads one tiny sitemap. The JDK's XML parser reads its settings file ({@code jaxp.properties}) on first
     * use, a blocking file read; the sources call this while the application starts, so that it never happens on
     * a CPU-scheduler thread, where blocking is forbidden.
     */
    static void warmUp() {
        try {
            XMLStreamReader xml = xmlFactory().createXMLStreamReader(new java.io.StringReader("<urlset/>"));
            xml.nextTag();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's StAX parser cannot read a sample sitemap", e);
        }
    }

    /** A StAX factory that reads no DTD and resolves no entity: XXE-safe by construction. */
    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
