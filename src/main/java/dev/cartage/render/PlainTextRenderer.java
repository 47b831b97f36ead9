package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;

import java.util.List;

/**
 * The {@code text} format: the article body as readable plain text, without title or metadata.
 *
 * <p>Blocks are separated by one blank line; list items stand one per line after {@code - } or {@code 1. },
 * nested items indented under their parent's text; table rows are tab-separated; code is kept as it is; a quote's
 * lines start with {@code > }; images are left out, captions included (a caption is about the picture, not the
 * article's text; the markdown and html formats show it). The extraction quality score reads this format, so apart
 * from those markers its words are exactly the blocks' {@link Block#plainText()} words.
 */
final class PlainTextRenderer {

    Rendered render(Document document) {
        String body = blocks(document.blocks());
        return new Rendered(Format.TEXT, Format.TEXT.mediaType(), document.title(), body.isEmpty() ? "" : body + "\n");
    }

    private static String blocks(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            String text = block(block);
            if (text.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(text);
        }
        return out.toString();
    }

    private static String block(Block block) {
        if (block instanceof Block.Heading heading) {
            return line(heading.text());
        }
        if (block instanceof Block.Paragraph paragraph) {
            return line(Inline.plainText(paragraph.inlines()));
        }
        if (block instanceof Block.ListBlock list) {
            StringBuilder out = new StringBuilder();
            list(list, "", out);
            return out.toString();
        }
        if (block instanceof Block.CodeBlock code) {
            return code.code().stripTrailing();
        }
        if (block instanceof Block.Quote quote) {
            return blocks(quote.blocks()).lines().map(line -> line.isEmpty() ? ">" : "> " + line)
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
        if (block instanceof Block.Image) {
            return "";
        }
        return block.plainText(); // a table: rows on lines, cells tab-separated
    }

    private static void list(Block.ListBlock list, String indent, StringBuilder out) {
        int number = 1;
        for (Block.ListItem item : list.items()) {
            String marker = list.ordered() ? number++ + ". " : "- ";
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(indent).append(marker).append(line(Inline.plainText(item.inlines())));
            String childIndent = indent + " ".repeat(marker.length());
            item.children().forEach(child -> list(child, childIndent, out));
        }
    }

    private static String line(String text) {
        return MarkdownText.collapse(text);
    }
}
