package dev.cartage.marshal.meta;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * Finds who wrote a page, in order: JSON-LD {@code author} names, {@code <meta name=author>},
 * {@code article:author} when it is a name rather than a profile URL, a {@code rel=author} link, an
 * {@code itemprop=author} element (its {@code itemprop=name} when it has one), and an element classed
 * {@code byline} or {@code author}. Text taken from elements must be short ({@value #MAX_ELEMENT_CHARS}
 * characters at most) so that a whole author box or comment is not mistaken for a name; a leading "By" is dropped.
 */
final class Byline {

    static final int MAX_ELEMENT_CHARS = 100;
    /** Elements looked at per kind at most, a bound for hostile pages. */
    private static final int MAX_CANDIDATES = 32;

    private static final Pattern BY = Pattern.compile("^(?i)by[:\\s]\\s*");
    private static final String CLASSED = "[class~=(?i)(^|\\s)(byline|by-line|author|author-name|post-author|"
            + "article-author|entry-author)(\\s|$)]";

    private Byline() {
    }

    static String find(Document page, MetaTags meta, JsonLdFacts jsonLd, ReadDeadline deadline) {
        String byline = MetaText.first(jsonLd.authors(), meta.named("author"), name(meta.og("article:author")));
        if (byline != null) {
            return byline;
        }
        for (String query : new String[]{"[rel~=(?i)(^|\\s)author(\\s|$)]", "[itemprop=author]", CLASSED}) {
            String found = fromElements(page, query, deadline);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String name(String value) {
        return value == null || PageUrls.looksLikeUrl(value) ? null : value;
    }

    private static String fromElements(Document page, String query, ReadDeadline deadline) {
        int seen = 0;
        for (Element element : page.select(query)) {
            deadline.check();
            if (++seen > MAX_CANDIDATES) {
                break;
            }
            String text = shortText(element);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String shortText(Element element) {
        Element name = element.selectFirst("[itemprop=name]");
        Element source = name == null ? element : name;
        String raw = source.nameIs("meta") ? source.attr("content") : source.text();
        String text = MetaText.clean(raw);
        if (text == null) {
            return null;
        }
        text = BY.matcher(text).replaceFirst("").strip();
        return text.isEmpty() || text.length() > MAX_ELEMENT_CHARS || PageUrls.looksLikeUrl(text) ? null : text;
    }
}
