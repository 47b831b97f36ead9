package dev.cartage.marshal.meta;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts metadata takes from a page's JSON-LD: the main entity's authors, publication date, publisher and
 * image.
 *
 * <p>The main entity is the first node (top level, in an array or in an {@code @graph}) typed as an article or a
 * web page, else the first node at all. References such as {@code "author": {"@id": "#ada"}} are followed to the
 * node with that {@code @id}.
 */
final class JsonLdFacts {

    /** schema.org types of a page's main entity, most specific first is not needed: any of them will do. */
    private static final Set<String> MAIN_TYPES = Set.of("Article", "NewsArticle", "BlogPosting", "TechArticle",
            "ScholarlyArticle", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
            "LiveBlogPosting", "SocialMediaPosting", "Recipe", "HowTo", "WebPage", "ItemPage", "AboutPage",
            "FAQPage", "QAPage", "CollectionPage", "ProfilePage", "Product", "Event", "Course", "Book", "Movie");
    /** Nodes visited at most, a bound for hostile pages (blocks are already size-capped). */
    private static final int MAX_NODES = 4_096;
    private static final int MAX_AUTHORS = 16;

    private final List<JsonNode> nodes = new ArrayList<>();
    private final Map<String, JsonNode> byId = new HashMap<>();
    private final JsonNode main;

    private JsonLdFacts(List<JsonNode> blocks) {
        blocks.forEach(this::collect);
        main = main();
    }

    static JsonLdFacts of(List<JsonNode> blocks) {
        return new JsonLdFacts(blocks);
    }

    private void collect(JsonNode node) {
        if (nodes.size() >= MAX_NODES) {
            return;
        }
        if (node.isArray()) {
            node.forEach(this::collect);
        } else if (node.isObject()) {
            nodes.add(node);
            String id = string(node.get("@id"));
            if (id != null) {
                byId.putIfAbsent(id, node);
            }
            JsonNode graph = node.get("@graph");
            if (graph != null) {
                collect(graph);
            }
        }
    }

    private JsonNode main() {
        for (JsonNode node : nodes) {
            if (types(node).stream().anyMatch(MAIN_TYPES::contains) && !isOnlyGraph(node)) {
                return node;
            }
        }
        return nodes.stream().filter(node -> !isOnlyGraph(node)).findFirst().orElse(null);
    }

    private static boolean isOnlyGraph(JsonNode node) {
        return node.has("@graph") && !node.has("@type");
    }

    /** The main entity's author names joined with ", " (people or organisations, strings or nodes); null if none. */
    String authors() {
        if (main == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        JsonNode author = main.get("author");
        if (author == null) {
            author = main.get("creator");
        }
        if (author != null) {
            for (JsonNode one : author.isArray() ? author : List.of(author)) {
                String name = name(one);
                if (name != null && !PageUrls.looksLikeUrl(name) && names.size() < MAX_AUTHORS) {
                    names.add(name);
                }
            }
        }
        return names.isEmpty() ? null : MetaText.clean(String.join(", ", names));
    }

    /** The main entity's {@code datePublished} as written; null if none. */
    String datePublished() {
        return main == null ? null : MetaText.clean(string(first(main.get("datePublished"))));
    }

    /** The main entity's publisher's name, else the {@code WebSite} node's name; null if none. */
    String publisherName() {
        String publisher = main == null ? null : name(first(main.get("publisher")));
        if (publisher != null) {
            return publisher;
        }
        return nodes.stream().filter(node -> types(node).contains("WebSite")).map(this::name)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The main entity's image as written (a URL string, or an ImageObject's {@code url}); null if none. */
    String image() {
        if (main == null) {
            return null;
        }
        JsonNode image = resolve(first(main.get("image")));
        if (image == null) {
            return null;
        }
        return image.isObject() ? string(first(image.get("url"))) : string(image);
    }

    /** A person's or organisation's name: the string itself, or the node's (or its referent's) {@code name}. */
    private String name(JsonNode node) {
        JsonNode resolved = resolve(node);
        if (resolved == null) {
            return null;
        }
        if (resolved.isString()) {
            return MetaText.clean(resolved.stringValue());
        }
        return resolved.isObject() ? MetaText.clean(string(first(resolved.get("name")))) : null;
    }

    /** A {@code {"@id": …}} reference replaced by the node it names, when the page has that node. */
    private JsonNode resolve(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
            JsonNode target = byId.get(string(node.get("@id")));
            return target == null ? node : target;
        }
        return node;
    }

    private static JsonNode first(JsonNode node) {
        return node != null && node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
    }

    private static String string(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static Set<String> types(JsonNode node) {
        JsonNode type = node.get("@type");
        Set<String> types = new LinkedHashSet<>();
        if (type != null) {
            for (JsonNode one : type.isArray() ? type : List.of(type)) {
                String name = string(one);
                if (name != null) {
                    types.add(name.substring(name.lastIndexOf('/') + 1)); // "https://schema.org/Article" too
                }
            }
        }
        return types;
    }
}
