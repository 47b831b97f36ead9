package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a {@link Document} as CommonMark with GFM tables: the title as a level-1 heading (see
 * {@link DisplayTitle}: a first {@code h1} that repeats it is shown once), then every block, with text escaped so
 * that it reads back literally.
 *
 * <p>Blocks are separated by a blank line. Lists are tight; nested lists are indented to their parent item's
 * content column ({@code - } is two columns, {@code 1. } three). Two lists of the same kind in a row use the
 * alternate marker ({@code *} or {@code 1)}) so that a parser does not merge them into one.
 *
 * <p>Pure and synchronous CPU work; instances hold no state and may be shared between threads.
 */
public final class MarkdownRenderer {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern NOT_INFO = Pattern.compile("[^A-Za-z0-9_+#.-]");

    /** Renders the document; the content always ends with a line break. */
    public Rendered render(Document document) {
        DisplayTitle display = DisplayTitle.of(document);
        List<String> parts = new ArrayList<>();
        if (!display.text().isEmpty()) {
            parts.add("# " + MarkdownText.heading(display.text()));
        }
        String body = blocks(display.blocks());
        if (!body.isEmpty()) {
            parts.add(body);
        }
        String content = parts.isEmpty() ? "" : String.join("\n\n", parts) + "\n";
        return new Rendered(Format.MARKDOWN, Format.MARKDOWN.mediaType(), document.title(), content);
    }

    private static String blocks(List<? extends Block> blocks) {
        StringBuilder out = new StringBuilder();
        Block previous = null;
        boolean previousAlternate = false;
        for (Block block : blocks) {
            boolean alternate = block instanceof Block.ListBlock list && previous instanceof Block.ListBlock before
                    && before.ordered() == list.ordered() && !previousAlternate;
            String markdown = block(block, alternate);
            if (markdown.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(markdown);
            previous = block;
            previousAlternate = alternate;
        }
        return out.toString();
    }

    private static String block(Block block, boolean alternate) {
        if (block instanceof Block.Heading heading) {
            String text = MarkdownText.heading(heading.text());
            return text.isEmpty() ? "" : "#".repeat(heading.level()) + " " + text;
        }
        if (block instanceof Block.Paragraph paragraph) {
            return MarkdownText.line(paragraph.inlines());
        }
        if (block instanceof Block.ListBlock list) {
            return list(list, alternate);
        }
        if (block instanceof Block.CodeBlock code) {
            return code(code);
        }
        if (block instanceof Block.Quote quote) {
            return prefixLines(blocks(quote.blocks()), "> ", ">");
        }
        if (block instanceof Block.Image image) {
            return image(image);
        }
        return table((Block.Table) block);
    }

    /** The image, then its caption as a paragraph of its own: a caption is text readers see, unlike alt text. */
    private static String image(Block.Image image) {
        String markdown = "![" + MarkdownText.escape(MarkdownText.collapse(image.alt()), false) + "]("
                + MarkdownText.destination(image.src()) + ")";
        String caption = MarkdownText.collapse(image.caption());
        return caption.isEmpty() ? markdown : markdown + "\n\n" + MarkdownText.line(List.of(new Inline.Text(caption)));
    }

    private static String list(Block.ListBlock list, boolean alternate) {
        StringBuilder out = new StringBuilder();
        int number = 1;
        for (Block.ListItem item : list.items()) {
            String marker = list.ordered() ? number++ + (alternate ? ")" : ".") : (alternate ? "*" : "-");
            String text = MarkdownText.line(item.inlines());
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(text.isEmpty() ? marker : marker + " " + text);
            String indent = " ".repeat(marker.length() + 1);
            Block.ListBlock previous = null;
            boolean previousAlternate = false;
            for (Block.ListBlock child : item.children()) {
                boolean alternateChild =
                        previous != null && previous.ordered() == child.ordered() && !previousAlternate;
                String nested = list(child, alternateChild);
                if (!nested.isEmpty()) {
                    out.append('\n').append(prefixLines(nested, indent, ""));
                    previous = child;
                    previousAlternate = alternateChild;
                }
            }
        }
        return out.toString();
    }

    /** A fenced block whose fence is longer than any backtick run in the code, so the code cannot close it. */
    private static String code(Block.CodeBlock code) {
        String fence = "`".repeat(Math.max(3, MarkdownText.longestRun(BACKTICKS, code.code()) + 1));
        String info = NOT_INFO.matcher(code.language()).replaceAll("");
        String text = code.code().endsWith("\n") ? code.code() : code.code() + "\n";
        return fence + info + "\n" + text + fence;
    }

    /** A GFM table; without a header row the first row serves as one, since GFM requires it. */
    private static String table(Block.Table table) {
        List<String> header = table.header();
        List<List<String>> rows = table.rows();
        if (header.isEmpty() && !rows.isEmpty()) {
            header = rows.get(0);
            rows = rows.subList(1, rows.size());
        }
        int columns = Math.max(header.size(), rows.stream().mapToInt(List::size).max().orElse(0));
        if (columns == 0) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add(row(header, columns));
        lines.add("|" + " --- |".repeat(columns));
        rows.forEach(row -> lines.add(row(row, columns)));
        return String.join("\n", lines);
    }

    private static String row(List<String> cells, int columns) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < columns; i++) {
            String cell = i < cells.size() ? MarkdownText.cell(cells.get(i)) : "";
            line.append(' ').append(cell).append(cell.isEmpty() ? "|" : " |");
        }
        return line.toString();
    }

    private static String prefixLines(String text, String prefix, String blankPrefix) {
        if (text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.isEmpty() ? blankPrefix : prefix + line);
        }
        return out.toString();
    }
}
