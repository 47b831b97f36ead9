package dev.cartage.marshal;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a page's title, language and description from its markup, before any content is removed.
 *
 * @param title       from {@code <title>}, else {@code og:title}, else the first {@code h1}; null when none
 * @param language    from {@code <html lang>} (or {@code xml:lang}); null when undeclared
 * @param description from the description meta tag, else {@code og:description}; null when none
 */
record PageMetadata(String title, String language, String description) {

    static PageMetadata of(Document page) {
        return new PageMetadata(title(page), language(page), description(page));
    }

    private static String title(Document page) {
        String title = firstNonEmpty(page.title(), meta(page, "meta[property=og:title]"));
        if (title == null) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null ? null : firstNonEmpty(h1.text());
        }
        return title;
    }

    private static String language(Document page) {
        Element html = page.selectFirst("html");
        return html == null ? null : firstNonEmpty(html.attr("lang"), html.attr("xml:lang"));
    }

    private static String description(Document page) {
        return firstNonEmpty(meta(page, "meta[name=description]"), meta(page, "meta[property=og:description]"));
    }

    private static String meta(Document page, String query) {
        Element meta = page.selectFirst(query);
        return meta == null ? null : meta.attr("content");
    }

    private static String firstNonEmpty(String... values) {
        for (String value : values) {
            String collapsed = InlineCollector.collapse(value);
            if (!collapsed.isEmpty()) {
                return collapsed;
            }
        }
        return null;
    }
}
