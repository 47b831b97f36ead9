package dev.cartage.marshal.meta;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Locale;

/**
 * Makes the URLs a page declares about itself absolute against the page's base (its URL, or its {@code <base>}
 * element) and keeps only http(s) ones: a preview image or icon at {@code javascript:}, {@code data:} or a
 * relative address nobody can resolve is worse than none.
 */
final class PageUrls {

    private PageUrls() {
    }

    /** The element's attribute as an absolute http(s) URL, or null. */
    static String absolute(Element element, String attribute) {
        return web(element.absUrl(attribute));
    }

    /** The raw URL resolved against the page's base as an absolute http(s) URL, or null. */
    static String absolute(Document page, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        return web(page.baseUri().isEmpty() ? trimmed : StringUtil.resolve(page.baseUri(), trimmed));
    }

    /** The URL when it is an absolute http(s) URL of sane length without control characters or spaces; else null. */
    static String web(String url) {
        if (url == null || url.isEmpty() || url.length() > MetaText.MAX_CHARS) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || lower.length() <= "https://".length()) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return null;
            }
        }
        return url;
    }

    /** Whether the text is an address rather than a name, as {@code article:author} often is. */
    static boolean looksLikeUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.matches("^[a-z][a-z0-9+.-]*://.*") || lower.startsWith("mailto:") || lower.startsWith("/")
                || lower.startsWith("www.");
    }
}
