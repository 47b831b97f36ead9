package dev.cartage.marshal.meta;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what an HTML page says about itself into {@link Metadata}, before any of its content is removed.
 *
 * <p>Each field takes the first source that has a usable value, in the order listed in {@code docs} (and on
 * each method below). URLs are made absolute against the page's base and kept only when http(s); text values are
 * whitespace-collapsed and capped (see {@link MetaText}); JSON-LD is capped (see {@link JsonLd}). Nothing here
 * refers to the DOM once it returns.
 */
public final class PageMetadata {

    private static final Set<String> LINK_RELS =
            Set.of("canonical", "icon", "apple-touch-icon", "apple-touch-icon-precomposed");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");

    private PageMetadata() {
    }

    /**
     * Reads the page's metadata.
     *
     * @param page     the parsed page, with its base URI set to the page's URL
     * @param deadline the item's deadline, checked while looping over the page's elements
     */
    public static Metadata read(Document page, ReadDeadline deadline) {
        MetaTags meta = MetaTags.read(page, deadline);
        List<JsonNode> jsonLd = JsonLd.read(page, deadline);
        JsonLdFacts facts = JsonLdFacts.of(jsonLd);
        Map<String, String> links = links(page, deadline);
        deadline.checkNow();
        return Metadata.builder()
                .title(title(page, meta))
                .byline(Byline.find(page, meta, facts, deadline))
                .published(published(page, meta, facts))
                .language(language(page, meta))
                .siteName(MetaText.first(meta.og("og:site_name"), facts.publisherName(), meta.named("application-name")))
                .description(MetaText.first(meta.named("description"), meta.og("og:description"),
                        meta.twitter("twitter:description")))
                .canonicalUrl(MetaText.first(links.get("canonical"), meta.og("og:url")))
                .image(MetaText.first(meta.og("og:image"), meta.og("og:image:url"), meta.og("og:image:secure_url"),
                        meta.twitter("twitter:image"), meta.twitter("twitter:image:src"),
                        PageUrls.absolute(page, facts.image())))
                .favicon(MetaText.first(links.get("icon"), links.get("apple-touch-icon"),
                        links.get("apple-touch-icon-precomposed")))
                .openGraph(meta.openGraph())
                .twitter(meta.twitter())
                .jsonLd(jsonLd)
                .build();
    }

    /** {@code <title>}, else {@code og:title}, else the first {@code h1}. */
    private static String title(Document page, MetaTags meta) {
        Element title = page.selectFirst("title");
        String found = MetaText.first(title == null ? null : MetaText.clean(title.text()), meta.og("og:title"));
        if (found == null) {
            Element h1 = page.selectFirst("h1");
            found = h1 == null ? null : MetaText.clean(h1.text());
        }
        return found;
    }

    /**
     * JSON-LD {@code datePublished}, else {@code article:published_time}, else {@code meta[itemprop=datePublished]},
     * else the first {@code time[datetime]} in the article; normalised by {@link PublishedDate}.
     */
    private static String published(Document page, MetaTags meta, JsonLdFacts facts) {
        String declared = MetaText.first(facts.datePublished(), meta.og("article:published_time"),
                attribute(page.selectFirst("meta[itemprop=datePublished]"), "content"),
                attribute(page.selectFirst("article time[datetime], main time[datetime]"), "datetime"));
        return PublishedDate.normalise(declared);
    }

    /** {@code <html lang>} (or {@code xml:lang}), else {@code og:locale}, else the content-language meta tag. */
    private static String language(Document page, MetaTags meta) {
        Element html = page.selectFirst("html");
        String lang = html == null ? null
                : MetaText.first(tag(html.attr("lang")), tag(html.attr("xml:lang")));
        return MetaText.first(lang, tag(meta.og("og:locale")), tag(meta.named("content-language")));
    }

    /** A language tag as pages write it ({@code en_US}, {@code "en, fr"}) in BCP 47 form; null when malformed. */
    private static String tag(String value) {
        if (value == null) {
            return null;
        }
        String first = value.split(",", 2)[0].strip().replace('_', '-');
        return LANGUAGE_TAG.matcher(first).matches() ? first : null;
    }

    /**
     * The first http(s) {@code href} of a {@code <link>} for each rel token metadata uses ({@code canonical} and
     * the icons), found in one pass over the page's links.
     */
    private static Map<String, String> links(Document page, ReadDeadline deadline) {
        Map<String, String> links = new HashMap<>();
        for (Element link : page.getElementsByTag("link")) {
            deadline.check();
            for (String token : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                if (LINK_RELS.contains(token) && !links.containsKey(token)) {
                    String url = PageUrls.absolute(link, "href");
                    if (url != null) {
                        links.put(token, url);
                    }
                }
            }
        }
        return links;
    }

    private static String attribute(Element element, String name) {
        return element == null ? null : MetaText.clean(element.attr(name));
    }
}
