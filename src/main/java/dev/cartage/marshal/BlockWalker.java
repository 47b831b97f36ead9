package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a cleaned content element into {@link Block}s: headings, paragraphs, nested lists, code, quotes and
 * tables; any other element is a container whose loose text becomes paragraphs.
 *
 * <p>Recursion depth is bounded by jsoup's parser, which caps element nesting (512 by default).
 */
final class BlockWalker {

    /** Phrasing elements: they continue the current paragraph instead of starting a block. */
    private static final Set<String> INLINE_TAGS = Set.of(
            "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
            "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike",
            "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Block content in a cell means the table arranges the page rather than holding data. */
    private static final String LAYOUT_CELL_CONTENT = "table, p, div, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6";

    private BlockWalker() {
    }

    /** Returns the blocks of the given element's content, in reading order. */
    static List<Block> walk(Element root) {
        List<Block> blocks = new ArrayList<>();
        container(root, blocks);
        return blocks;
    }

    static boolean isInlineTag(String name) {
        return INLINE_TAGS.contains(name);
    }

    /** A node that belongs in a paragraph: text, or a phrasing element with no block inside (unlike a card link). */
    private static boolean isInline(Node node) {
        if (node instanceof TextNode) {
            return true;
        }
        return node instanceof Element element && isInlineTree(element);
    }

    /** Checks the element first and stops at the first block: a div's whole subtree is not listed to say no. */
    private static boolean isInlineTree(Element element) {
        if (!INLINE_TAGS.contains(element.normalName())) {
            return false;
        }
        for (Element child : element.children()) {
            if (!isInlineTree(child)) {
                return false;
            }
        }
        return true;
    }

    private static void container(Element element, List<Block> blocks) {
        List<Node> run = new ArrayList<>();
        boolean ownText = hasOwnText(element);
        for (Node child : element.childNodes()) {
            MarshalDeadline.checkCurrent(); // one node of a possibly huge page
            Block.Image image = ownText ? null : ImageReader.standalone(child);
            if (image != null) {
                paragraph(run, blocks);
                run.clear();
                blocks.add(image);
            } else if (isInline(child)) {
                run.add(child);
            } else if (child instanceof Element block) {
                paragraph(run, blocks);
                run.clear();
                block(block, blocks);
            }
        }
        paragraph(run, blocks);
    }

    private static void block(Element element, List<Block> blocks) {
        String name = element.normalName();
        if (HEADINGS.contains(name)) {
            heading(element, blocks);
        } else if (name.equals("ul") || name.equals("ol")) {
            Block.ListBlock list = list(element);
            if (!list.items().isEmpty()) {
                blocks.add(list);
            }
        } else if (name.equals("pre")) {
            code(element, blocks);
        } else if (name.equals("blockquote")) {
            List<Block> quoted = walk(element);
            if (!quoted.isEmpty()) {
                blocks.add(new Block.Quote(quoted));
            }
        } else if (name.equals("figure") && ImageReader.figure(element) != null) {
            blocks.add(ImageReader.figure(element));
        } else if (name.equals("table") && !isLayoutTable(element)) {
            TableReader.read(element).ifPresent(blocks::add);
        } else if (!name.equals("hr")) {
            container(element, blocks);
        }
    }

    private static boolean hasOwnText(Element element) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text && !text.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static void paragraph(List<Node> run, List<Block> blocks) {
        List<Inline> inlines = InlineCollector.collect(run);
        if (!inlines.isEmpty()) {
            blocks.add(new Block.Paragraph(inlines));
        }
    }

    private static void heading(Element element, List<Block> blocks) {
        String text = Inline.plainText(InlineCollector.collect(element.childNodes()));
        if (!text.isEmpty()) {
            blocks.add(new Block.Heading(element.normalName().charAt(1) - '0', text));
        }
    }

    private static Block.ListBlock list(Element element) {
        List<Block.ListItem> items = new ArrayList<>();
        for (Element child : element.children()) {
            Block.ListItem item = item(child);
            if (!item.inlines().isEmpty() || !item.children().isEmpty()) {
                items.add(item);
            }
        }
        return new Block.ListBlock(element.normalName().equals("ol"), items);
    }

    private static Block.ListItem item(Element item) {
        List<Node> text = new ArrayList<>();
        List<Block.ListBlock> children = new ArrayList<>();
        itemContent(item, text, children);
        return new Block.ListItem(InlineCollector.collect(text), children);
    }

    /** Gathers an item's text and its nested lists, looking through wrappers such as a paragraph in the item. */
    private static void itemContent(Element element, List<Node> text, List<Block.ListBlock> children) {
        for (Node node : element.childNodes()) {
            if (isInline(node)) {
                text.add(node);
            } else if (node instanceof Element child && (child.nameIs("ul") || child.nameIs("ol"))) {
                Block.ListBlock list = list(child);
                if (!list.items().isEmpty()) {
                    children.add(list);
                }
            } else if (node instanceof Element child) {
                // a block inside the item still separates words
                text.add(new TextNode(" "));
                itemContent(child, text, children);
                text.add(new TextNode(" "));
            }
        }
    }

    private static void code(Element pre, List<Block> blocks) {
        String code = pre.wholeText().replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        if (!code.isBlank()) {
            blocks.add(new Block.CodeBlock(CodeLanguage.of(pre), code));
        }
    }

    private static boolean isLayoutTable(Element table) {
        String role = table.attr("role");
        return role.equals("presentation") || role.equals("none")
                || !table.select("td, th").select(LAYOUT_CELL_CONTENT).isEmpty();
    }
}
