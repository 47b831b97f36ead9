package dev.cartage.marshal;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One block of a {@link Document}'s content: a heading, paragraph, list, code block, quote, table or image.
 *
 * <p>Blocks are immutable and format-neutral: text is stored literally and renderers escape it for their own
 * syntax. Lists passed to the constructors are copied.
 */
public sealed interface Block {

    /** The block's text as a reader would see it, without markup; lines separate items, rows and blocks. */
    String plainText();

    /**
     * A section heading.
     *
     * @param level 1 for the most important heading through 6
     * @param text  the heading's text; never null
     */
    record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("heading level must be 1 to 6, was " + level);
            }
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    /**
     * A paragraph of running text.
     *
     * @param inlines the paragraph's text, links and emphasis, in reading order
     */
    record Paragraph(List<Inline> inlines) implements Block {
        public Paragraph {
            inlines = List.copyOf(inlines);
        }

        @Override
        public String plainText() {
            return Inline.plainText(inlines);
        }
    }

    /**
     * A bulleted or numbered list.
     *
     * @param ordered whether the items are numbered
     * @param items   the items, in order
     */
    record ListBlock(boolean ordered, List<ListItem> items) implements Block {
        public ListBlock {
            items = List.copyOf(items);
        }

        @Override
        public String plainText() {
            return items.stream().map(ListItem::plainText).collect(Collectors.joining("\n"));
        }
    }

    /**
     * One item of a {@link ListBlock}: a line of text, optionally followed by nested lists.
     *
     * @param inlines  the item's own text
     * @param children lists nested in this item, in order; empty when there are none
     */
    record ListItem(List<Inline> inlines, List<ListBlock> children) {
        public ListItem {
            inlines = List.copyOf(inlines);
            children = List.copyOf(children);
        }

        /** The item's text followed by its nested lists' text, one item per line. */
        public String plainText() {
            StringBuilder text = new StringBuilder(Inline.plainText(inlines));
            children.forEach(child -> text.append('\n').append(child.plainText()));
            return text.toString();
        }
    }

    /**
     * Preformatted code.
     *
     * @param language the language named by the source (say {@code java}), or the empty string when unknown
     * @param code     the code with its line breaks and indentation intact; never null
     */
    record CodeBlock(String language, String code) implements Block {
        public CodeBlock {
            language = language == null ? "" : language;
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String plainText() {
            return code;
        }
    }

    /**
     * A quotation made of further blocks.
     *
     * @param blocks the quoted content, in order
     */
    record Quote(List<Block> blocks) implements Block {
        public Quote {
            blocks = List.copyOf(blocks);
        }

        @Override
        public String plainText() {
            return blocks.stream().map(Block::plainText).collect(Collectors.joining("\n"));
        }
    }

    /**
     * A table of plain-text cells. Rows may be ragged; renderers pad them to the widest row.
     *
     * @param header the header cells, or an empty list when the source table has no header row
     * @param rows   the body rows, each a list of cells
     */
    record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }

        @Override
        public String plainText() {
            return Stream.concat(Stream.of(header), rows.stream())
                    .filter(row -> !row.isEmpty())
                    .map(row -> String.join("\t", row))
                    .collect(Collectors.joining("\n"));
        }
    }

    /**
     * An image that stands on its own in the content (not a decoration inside running text).
     *
     * @param src     the image's absolute URL; never null
     * @param alt     its text alternative as the page gives it, or the empty string
     * @param caption the caption the page shows with it (a {@code figcaption}), or the empty string
     */
    record Image(String src, String alt, String caption) implements Block {
        public Image {
            Objects.requireNonNull(src, "src");
            alt = alt == null ? "" : alt;
            caption = caption == null ? "" : caption;
        }

        /**
         * Nothing: a caption and its credit are about the picture, not the article's body text (readers and the
         * extraction benchmark leave them out), and the alternative text is for when the image is not seen. The
         * markdown and html formats still show the caption with the image.
         */
        @Override
        public String plainText() {
            return "";
        }
    }
}
