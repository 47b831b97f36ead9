package dev.cartage.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans the reader page's content fragment with a jsoup {@link Safelist} before it is inserted unescaped into
 * the template. {@link HtmlBlocks} already writes only safe markup; this is the second, independent line of
 * defence, so that one bug in either cannot put script into a page.
 *
 * <p>The safelist holds exactly the elements {@link HtmlBlocks} writes, no {@code style} or event attribute, and
 * only {@code http}, {@code https} (and {@code mailto} for links) URLs; relative URLs are dropped, since every
 * URL in a document is absolute. Links get {@code rel="nofollow noopener noreferrer"}. Thread-safe: the safelist
 * is built once and only read.
 */
final class ContentCleaner {

    private static final Safelist SAFELIST = new Safelist()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "pre", "code", "blockquote",
                    "figure", "figcaption", "img", "table", "thead", "tbody", "tr", "th", "td", "a", "em", "strong")
            .addAttributes("a", "href")
            .addAttributes("img", "src", "alt", "loading")
            .addAttributes("code", "class")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .preserveRelativeLinks(false);

    private ContentCleaner() {
    }

    /** The fragment with everything outside the safelist removed (text of removed elements is kept, escaped). */
    static String clean(String fragment) {
        return Jsoup.clean(fragment, "", SAFELIST, new Document.OutputSettings().prettyPrint(false));
    }
}
