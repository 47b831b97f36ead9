package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import dev.cartage.marshal.meta.Metadata;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The {@code json} format: the whole {@link Document} as JSON, described by the JSON Schema served at
 * {@code /schemas/document.schema.json} (draft 2020-12).
 *
 * <p>Every metadata field is present, null when unknown; blocks are objects tagged by {@code type}
 * ({@code heading}, {@code paragraph}, {@code list}, {@code code}, {@code quote}, {@code table}, {@code image}) and
 * inlines likewise ({@code text}, {@code link}, {@code code}, {@code emphasis}, {@code strong}). This is data, not
 * a page: URLs are written as the document holds them, and whoever shows them must treat them as untrusted.
 */
final class JsonRenderer {

    private final JsonMapper mapper = JsonMapper.builder().build();

    Rendered render(Document document) {
        ObjectNode root = mapper.createObjectNode();
        root.put("sourceUrl", document.sourceUrl());
        root.set("metadata", metadata(document.metadata()));
        root.put("wordCount", document.wordCount());
        root.put("readingMinutes", document.readingMinutes());
        root.set("data", document.data());
        blocks(document.blocks(), root.putArray("blocks"));
        return new Rendered(Format.JSON, Format.JSON.mediaType(), document.title(), mapper.writeValueAsString(root));
    }

    private ObjectNode metadata(Metadata metadata) {
        ObjectNode node = mapper.createObjectNode();
        node.put("title", metadata.title());
        node.put("byline", metadata.byline());
        node.put("published", metadata.published());
        node.put("language", metadata.language());
        node.put("siteName", metadata.siteName());
        node.put("description", metadata.description());
        node.put("canonicalUrl", metadata.canonicalUrl());
        node.put("image", metadata.image());
        node.put("favicon", metadata.favicon());
        strings(metadata.openGraph(), node.putObject("openGraph"));
        strings(metadata.twitter(), node.putObject("twitter"));
        ArrayNode jsonLd = node.putArray("jsonLd");
        metadata.jsonLd().forEach(jsonLd::add);
        return node;
    }

    private static void strings(Map<String, String> values, ObjectNode node) {
        values.forEach(node::put);
    }

    private void blocks(List<Block> blocks, ArrayNode array) {
        blocks.forEach(block -> block(block, array.addObject()));
    }

    private void block(Block block, ObjectNode node) {
        if (block instanceof Block.Heading heading) {
            node.put("type", "heading").put("level", heading.level()).put("text", heading.text());
        } else if (block instanceof Block.Paragraph paragraph) {
            node.put("type", "paragraph");
            inlines(paragraph.inlines(), node.putArray("inlines"));
        } else if (block instanceof Block.ListBlock list) {
            node.put("type", "list");
            list(list, node);
        } else if (block instanceof Block.CodeBlock code) {
            node.put("type", "code").put("language", code.language().isEmpty() ? null : code.language())
                    .put("code", code.code());
        } else if (block instanceof Block.Quote quote) {
            node.put("type", "quote");
            blocks(quote.blocks(), node.putArray("blocks"));
        } else if (block instanceof Block.Image image) {
            node.put("type", "image").put("src", image.src()).put("alt", image.alt()).put("caption", image.caption());
        } else {
            Block.Table table = (Block.Table) block;
            node.put("type", "table");
            ArrayNode header = node.putArray("header");
            table.header().forEach(header::add);
            ArrayNode rows = node.putArray("rows");
            table.rows().forEach(row -> row.forEach(rows.addArray()::add));
        }
    }

    private void list(Block.ListBlock list, ObjectNode node) {
        node.put("ordered", list.ordered());
        ArrayNode items = node.putArray("items");
        for (Block.ListItem item : list.items()) {
            ObjectNode itemNode = items.addObject();
            inlines(item.inlines(), itemNode.putArray("inlines"));
            ArrayNode children = itemNode.putArray("children");
            item.children().forEach(child -> list(child, children.addObject().put("type", "list")));
        }
    }

    private static void inlines(List<Inline> inlines, ArrayNode array) {
        for (Inline inline : inlines) {
            ObjectNode node = array.addObject().put("type", type(inline)).put("text", inline.text());
            if (inline instanceof Inline.Link link) {
                node.put("href", link.href());
            }
        }
    }

    private static String type(Inline inline) {
        if (inline instanceof Inline.Link) {
            return "link";
        }
        if (inline instanceof Inline.Code) {
            return "code";
        }
        if (inline instanceof Inline.Emphasis) {
            return "emphasis";
        }
        return inline instanceof Inline.Strong ? "strong" : "text";
    }
}
