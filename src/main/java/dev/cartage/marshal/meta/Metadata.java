package dev.cartage.marshal.meta;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page says about itself, as opposed to its content: the fields a reader page, a link preview and the
 * {@code json} format show. Every field is optional; a missing one is null (or an empty collection) rather than
 * guessed.
 *
 * @param title        the page's title; null when the page names none
 * @param byline       the author or authors as the page credits them, such as {@code "Ada Lovelace"}; null when
 *                     none is declared
 * @param published    when the page was first published, ISO-8601 (a date, or a date-time with offset) as
 *                     declared; null when unknown
 * @param language     the page's language as declared, such as {@code en} or {@code pt-BR}; null when undeclared
 * @param siteName     the name of the site the page belongs to, such as {@code "The Example Times"}; null when
 *                     undeclared
 * @param description  the page's own summary; null when none
 * @param canonicalUrl the absolute URL the page names as its canonical address; null when none
 * @param image        the absolute URL of the page's preview image (OpenGraph, Twitter card or JSON-LD); null
 *                     when none
 * @param favicon      the absolute URL of the site's icon; null when none is declared (no {@code /favicon.ico}
 *                     guess)
 * @param openGraph    the page's {@code og:*} (and {@code article:*}) meta properties by property name, first
 *                     value wins; copied
 * @param twitter      the page's {@code twitter:*} meta names by name, first value wins; copied
 * @param jsonLd       the page's JSON-LD blocks, parsed, in document order; blocks that do not parse are left out;
 *                     copied
 */
public record Metadata(String title, String byline, String published, String language, String siteName,
                       String description, String canonicalUrl, String image, String favicon,
                       Map<String, String> openGraph, Map<String, String> twitter, List<JsonNode> jsonLd) {

    /** No metadata at all. */
    public static final Metadata NONE = builder().build();

    public Metadata {
        openGraph = openGraph == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(openGraph));
        twitter = twitter == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(twitter));
        jsonLd = jsonLd == null ? List.of() : List.copyOf(jsonLd);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of this metadata to change some fields of. */
    public Builder toBuilder() {
        return new Builder().title(title).byline(byline).published(published).language(language)
                .siteName(siteName).description(description).canonicalUrl(canonicalUrl).image(image)
                .favicon(favicon).openGraph(openGraph).twitter(twitter).jsonLd(jsonLd);
    }

    /** Collects metadata field by field, as a marshaller finds it. */
    public static final class Builder {
        private String title;
        private String byline;
        private String published;
        private String language;
        private String siteName;
        private String description;
        private String canonicalUrl;
        private String image;
        private String favicon;
        private Map<String, String> openGraph = Map.of();
        private Map<String, String> twitter = Map.of();
        private List<JsonNode> jsonLd = List.of();

        private Builder() {
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder byline(String value) {
            byline = value;
            return this;
        }

        public Builder published(String value) {
            published = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder siteName(String value) {
            siteName = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder canonicalUrl(String value) {
            canonicalUrl = value;
            return this;
        }

        public Builder image(String value) {
            image = value;
            return this;
        }

        public Builder favicon(String value) {
            favicon = value;
            return this;
        }

        public Builder openGraph(Map<String, String> value) {
            openGraph = value;
            return this;
        }

        public Builder twitter(Map<String, String> value) {
            twitter = value;
            return this;
        }

        public Builder jsonLd(List<JsonNode> value) {
            jsonLd = value;
            return this;
        }

        public Metadata build() {
            return new Metadata(title, byline, published, language, siteName, description, canonicalUrl, image,
                    favicon, openGraph, twitter, jsonLd);
        }
    }
}
