package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown written by {@link MarkdownRenderer} and read back by commonmark-java (with GFM tables) has the
 * document's block structure: block kinds, heading levels, list kinds and nesting, code and its language, table
 * shape and cells, quotes, images, and the same text, links and code spans.
 */
class MarkdownRoundTripTest {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.cartage.render.GeneratedDocuments#seeds")
    void parsedMarkdownHasTheDocumentsStructureAndText(long seed) {
        Document document = GeneratedDocuments.document(seed);
        String markdown = renderer.render(document).content();

        List<String> parsed = parsed(PARSER.parse(markdown));

        List<String> expected = expected(document);
        for (int i = 0; i < Math.min(parsed.size(), expected.size()); i++) {
            assertThat(parsed.get(i)).as("block %d of%n%s", i, markdown).isEqualTo(expected.get(i));
        }
        assertThat(parsed).as(markdown).hasSameSizeAs(expected);
    }

    // ---- the document's side

    private static List<String> expected(Document document) {
        DisplayTitle display = DisplayTitle.of(document);
        List<String> shape = new ArrayList<>();
        if (!display.text().isEmpty()) {
            shape.add("h1 " + collapse(display.text()));
        }
        display.blocks().forEach(block -> expected(block, shape));
        return shape;
    }

    private static void expected(Block block, List<String> shape) {
        if (block instanceof Block.Heading heading) {
            shape.add("h" + heading.level() + " " + collapse(heading.text()));
        } else if (block instanceof Block.Paragraph paragraph) {
            shape.add("p " + inlines(paragraph.inlines()));
        } else if (block instanceof Block.ListBlock list) {
            shape.add(list(list));
        } else if (block instanceof Block.CodeBlock code) {
            String text = code.code().endsWith("\n") ? code.code() : code.code() + "\n";
            shape.add("code[" + code.language() + "] " + text);
        } else if (block instanceof Block.Quote quote) {
            List<String> inner = new ArrayList<>();
            quote.blocks().forEach(b -> expected(b, inner));
            shape.add("quote " + inner);
        } else if (block instanceof Block.Image image) {
            shape.add("img " + image.src() + " alt=" + collapse(image.alt()));
            if (!image.caption().isBlank()) {
                shape.add("p " + collapse(image.caption()) + " []");
            }
        } else {
            shape.add(table((Block.Table) block));
        }
    }

    private static String list(Block.ListBlock list) {
        StringBuilder out = new StringBuilder(list.ordered() ? "ol(" : "ul(");
        for (Block.ListItem item : list.items()) {
            out.append("li(").append(inlines(item.inlines()));
            item.children().forEach(child -> out.append(' ').append(list(child)));
            out.append(')');
        }
        return out.append(')').toString();
    }

    /**
     * Text, then the links and code spans in order: the parts of inline content that must survive. Code spans
     * that touch are one span in Markdown (their backtick fences would merge), so they are expected as one.
     */
    private static String inlines(List<Inline> inlines) {
        StringBuilder text = new StringBuilder();
        List<String> marks = new ArrayList<>();
        Inline previous = null;
        for (Inline inline : inlines) {
            text.append(inline.text());
            if (inline instanceof Inline.Link link) {
                marks.add("link(" + collapse(link.text()) + "|" + link.href() + ")");
            } else if (inline instanceof Inline.Code code && previous instanceof Inline.Code) {
                String last = marks.remove(marks.size() - 1);
                marks.add(last.substring(0, last.length() - 1) + collapse(code.text()) + ")");
            } else if (inline instanceof Inline.Code code) {
                marks.add("code(" + collapse(code.text()) + ")");
            }
            previous = inline;
        }
        return collapse(text.toString()) + " " + marks;
    }

    private static String table(Block.Table table) {
        List<String> header = table.header();
        List<List<String>> rows = table.rows();
        if (header.isEmpty()) {
            header = rows.get(0);
            rows = rows.subList(1, rows.size());
        }
        int columns = Math.max(header.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        List<String> out = new ArrayList<>();
        for (List<String> row : all) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                cells.add(i < row.size() ? collapse(row.get(i)) : "");
            }
            out.add(cells.toString());
        }
        return "table " + out;
    }

    // ---- the parsed side

    private static List<String> parsed(Node parent) {
        List<String> shape = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            shape.add(parsedBlock(node));
        }
        return shape;
    }

    private static String parsedBlock(Node node) {
        if (node instanceof Heading heading) {
            return "h" + heading.getLevel() + " " + collapse(plain(heading));
        }
        if (node instanceof Paragraph paragraph) {
            if (paragraph.getFirstChild() instanceof Image image && image.getNext() == null) {
                return "img " + image.getDestination() + " alt=" + collapse(plain(image));
            }
            return "p " + parsedInlines(paragraph);
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            return parsedList(node);
        }
        if (node instanceof FencedCodeBlock code) {
            return "code[" + code.getInfo() + "] " + code.getLiteral();
        }
        if (node instanceof BlockQuote) {
            return "quote " + parsed(node);
        }
        if (node instanceof TableBlock) {
            List<String> rows = new ArrayList<>();
            collectRows(node, rows);
            return "table " + rows;
        }
        return "unexpected " + node;
    }

    private static String parsedList(Node list) {
        StringBuilder out = new StringBuilder(list instanceof OrderedList ? "ol(" : "ul(");
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            out.append("li(");
            Node child = ((ListItem) item).getFirstChild();
            if (child instanceof Paragraph paragraph) {
                out.append(parsedInlines(paragraph));
                child = child.getNext();
            } else {
                out.append(" []");
            }
            for (; child != null; child = child.getNext()) {
                out.append(' ').append(child instanceof BulletList || child instanceof OrderedList
                        ? parsedList(child) : "unexpected " + child);
            }
            out.append(')');
        }
        return out.append(')').toString();
    }

    private static void collectRows(Node node, List<String> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(collapse(plain((TableCell) cell)));
                }
                rows.add(cells.toString());
            } else {
                collectRows(child, rows);
            }
        }
    }

    private static String parsedInlines(Node parent) {
        List<String> marks = new ArrayList<>();
        collectMarks(parent, marks);
        return collapse(plain(parent)) + " " + marks;
    }

    private static void collectMarks(Node parent, List<String> marks) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Link link) {
                marks.add("link(" + collapse(plain(link)) + "|" + link.getDestination() + ")");
            } else if (node instanceof Code code) {
                marks.add("code(" + collapse(code.getLiteral()) + ")");
            } else {
                collectMarks(node, marks);
            }
        }
    }

    private static String plain(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                out.append(text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                out.append(' ');
            } else {
                out.append(plain(node));
            }
        }
        return out.toString();
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
