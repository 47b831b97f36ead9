package dev.cartage.marshal.meta;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A page's {@code <meta>} tags by name, read in one pass: OpenGraph ({@code og:*}, {@code article:*}), Twitter card
 * ({@code twitter:*}) and plain named ones ({@code description}, {@code author}, ...).
 *
 * <p>Names are lower-cased; the first value of a name wins; values are {@linkplain MetaText#clean cleaned}.
 * Values of URL-valued properties (such as {@code og:image} or {@code twitter:image:src}) are made absolute and
 * dropped unless http(s), so the maps can be shown as they are. Each map keeps at most {@value #MAX_ENTRIES}
 * names.
 */
final class MetaTags {

    /** The most names kept per map: plenty for any real page, a bound for a hostile one. */
    static final int MAX_ENTRIES = 256;

    /** Last segments of property names whose values are addresses. */
    private static final Set<String> URL_SEGMENTS = Set.of("url", "secure_url", "image", "src", "video", "audio",
            "player", "stream");

    private final Map<String, String> openGraph = new LinkedHashMap<>();
    private final Map<String, String> twitter = new LinkedHashMap<>();
    private final Map<String, String> named = new LinkedHashMap<>();

    private MetaTags() {
    }

    static MetaTags read(Document page, ReadDeadline deadline) {
        MetaTags tags = new MetaTags();
        for (Element meta : page.getElementsByTag("meta")) {
            deadline.check();
            tags.add(meta);
        }
        return tags;
    }

    private void add(Element meta) {
        String key = key(meta);
        if (key.isEmpty() || !meta.hasAttr("content")) {
            return;
        }
        String value = isUrlValued(key) ? PageUrls.absolute(meta, "content") : MetaText.clean(meta.attr("content"));
        if (value == null) {
            return;
        }
        if (key.startsWith("og:") || key.startsWith("article:")) {
            putFirst(openGraph, key, value);
        } else if (key.startsWith("twitter:")) {
            putFirst(twitter, key, value);
        } else {
            putFirst(named, key, value);
        }
    }

    /** {@code property} (OpenGraph's attribute) else {@code name} else {@code http-equiv}, lower-cased. */
    private static String key(Element meta) {
        String key = meta.attr("property");
        if (key.isBlank()) {
            key = meta.attr("name");
        }
        if (key.isBlank()) {
            key = meta.attr("http-equiv");
        }
        return key.length() > 100 ? "" : key.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isUrlValued(String key) {
        if (!(key.startsWith("og:") || key.startsWith("twitter:") || key.startsWith("article:"))) {
            return false;
        }
        return URL_SEGMENTS.contains(key.substring(key.lastIndexOf(':') + 1));
    }

    private static void putFirst(Map<String, String> map, String key, String value) {
        if (map.size() < MAX_ENTRIES) {
            map.putIfAbsent(key, value);
        }
    }

    /** The {@code og:*} and {@code article:*} properties. */
    Map<String, String> openGraph() {
        return Collections.unmodifiableMap(openGraph);
    }

    /** The {@code twitter:*} names. */
    Map<String, String> twitter() {
        return Collections.unmodifiableMap(twitter);
    }

    /** An OpenGraph property, such as {@code og:title}; null when absent. */
    String og(String property) {
        return openGraph.get(property);
    }

    /** A Twitter card name, such as {@code twitter:image}; null when absent. */
    String twitter(String name) {
        return twitter.get(name);
    }

    /**
     * Any other meta tag by {@code name} (or {@code http-equiv}), such as {@code description}; null when absent.
     */
    String named(String name) {
        return named.get(name);
    }
}
