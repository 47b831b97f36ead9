package dev.cartage.marshal;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a parsed CommonMark document into {@link Block}s: headings, paragraphs, nested lists, fenced and
 * indented code (with the fence's language), block quotes, GFM tables and images standing alone in a paragraph.
 * Raw HTML blocks become paragraphs of literal text; thematic breaks and link definitions leave nothing.
 *
 * <p>Nesting deeper than {@value #MAX_DEPTH} levels (quotes in quotes, lists in lists) is flattened to plain
 * text, so that hostile input cannot exhaust the stack.
 */
final class MarkdownBlocks {

    static final int MAX_DEPTH = 32;

    private final String baseUrl;
    private final MarshalDeadline deadline;

    private MarkdownBlocks(String baseUrl, MarshalDeadline deadline) {
        this.baseUrl = baseUrl;
        this.deadline = deadline;
    }

    /** The blocks of the document's content, in reading order. */
    static List<Block> of(Node document, String baseUrl, MarshalDeadline deadline) {
        List<Block> blocks = new ArrayList<>();
        new MarkdownBlocks(baseUrl, deadline).container(document, blocks, 0);
        return blocks;
    }

    private void container(Node parent, List<Block> blocks, int depth) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            deadline.check();
            block(node, blocks, depth);
        }
    }

    private void block(Node node, List<Block> blocks, int depth) {
        if (depth > MAX_DEPTH) {
            addText(MarkdownInlines.plainText(node), blocks);
        } else if (node instanceof Heading heading) {
            String text = MarkdownInlines.plainText(heading);
            if (!text.isEmpty()) {
                blocks.add(new Block.Heading(heading.getLevel(), text));
            }
        } else if (node instanceof Paragraph paragraph) {
            paragraph(paragraph, blocks);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            Block.ListBlock list = list(node, depth);
            if (!list.items().isEmpty()) {
                blocks.add(list);
            }
        } else if (node instanceof FencedCodeBlock code) {
            addCode(language(code.getInfo()), code.getLiteral(), blocks);
        } else if (node instanceof IndentedCodeBlock code) {
            addCode("", code.getLiteral(), blocks);
        } else if (node instanceof BlockQuote) {
            List<Block> quoted = new ArrayList<>();
            container(node, quoted, depth + 1);
            if (!quoted.isEmpty()) {
                blocks.add(new Block.Quote(quoted));
            }
        } else if (node instanceof TableBlock table) {
            table(table, blocks);
        } else if (node instanceof HtmlBlock html) {
            addText(MarkdownInlines.collapse(html.getLiteral()), blocks);
        }
        // thematic breaks and link reference definitions show nothing
    }

    /** A paragraph of only images (and line breaks) is a row of standalone images; any other is running text. */
    private void paragraph(Paragraph paragraph, List<Block> blocks) {
        if (onlyImages(paragraph)) {
            for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Image image) {
                    String src = LinkTargets.image(baseUrl, image.getDestination());
                    if (src != null) {
                        blocks.add(new Block.Image(src, MarkdownInlines.plainText(image), ""));
                    }
                }
            }
            return;
        }
        List<Inline> inlines = MarkdownInlines.of(paragraph, baseUrl, deadline);
        if (!inlines.isEmpty()) {
            blocks.add(new Block.Paragraph(inlines));
        }
    }

    private static boolean onlyImages(Paragraph paragraph) {
        boolean image = false;
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Image) {
                image = true;
            } else if (!(node instanceof SoftLineBreak || node instanceof Text text && text.getLiteral().isBlank())) {
                return false;
            }
        }
        return image;
    }

    private Block.ListBlock list(Node list, int depth) {
        List<Block.ListItem> items = new ArrayList<>();
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            deadline.check();
            if (node instanceof ListItem item) {
                Block.ListItem converted = item(item, depth);
                if (!converted.inlines().isEmpty() || !converted.children().isEmpty()) {
                    items.add(converted);
                }
            }
        }
        return new Block.ListBlock(list instanceof OrderedList, items);
    }

    /** An item's paragraphs become its text (a space apart), its lists its children; other blocks add their text. */
    private Block.ListItem item(ListItem item, int depth) {
        List<Inline> inlines = new ArrayList<>();
        List<Block.ListBlock> children = new ArrayList<>();
        for (Node node = item.getFirstChild(); node != null; node = node.getNext()) {
            deadline.check();
            if ((node instanceof BulletList || node instanceof OrderedList) && depth < MAX_DEPTH) {
                Block.ListBlock child = list(node, depth + 1);
                if (!child.items().isEmpty()) {
                    children.add(child);
                }
            } else {
                List<Inline> more = node instanceof Paragraph paragraph
                        ? MarkdownInlines.of(paragraph, baseUrl, deadline)
                        : text(MarkdownInlines.plainText(node));
                if (!inlines.isEmpty() && !more.isEmpty()) {
                    inlines.add(new Inline.Text(" "));
                }
                inlines.addAll(more);
            }
        }
        return new Block.ListItem(inlines, children);
    }

    private void table(TableBlock table, List<Block> blocks) {
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    deadline.check();
                    cells.add(MarkdownInlines.plainText(cell));
                }
                if (section instanceof TableHead && header.isEmpty()) {
                    header = cells;
                } else {
                    rows.add(cells);
                }
            }
        }
        blocks.add(new Block.Table(header, rows));
    }

    /** The first word of a fence's info string ({@code java} in {@code ```java title="A.java"}). */
    private static String language(String info) {
        String trimmed = info == null ? "" : info.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static void addCode(String language, String literal, List<Block> blocks) {
        String code = literal.stripTrailing();
        if (!code.isBlank()) {
            blocks.add(new Block.CodeBlock(language, code));
        }
    }

    private static void addText(String text, List<Block> blocks) {
        if (!text.isEmpty()) {
            blocks.add(new Block.Paragraph(List.of(new Inline.Text(text))));
        }
    }

    private static List<Inline> text(String text) {
        return text.isEmpty() ? List.of() : List.of(new Inline.Text(text));
    }
}
