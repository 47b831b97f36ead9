package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Inline;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes blocks as an HTML fragment for the reader page: semantic elements only, every text escaped, and only
 * allowlisted URLs ({@link SafeUrl}); a link with any other target becomes its plain text, such an image is
 * left out. No attribute the page could style or script with is ever written: no {@code style}, no
 * {@code on*}, no {@code id}.
 */
final class HtmlBlocks {

    private static final Pattern NOT_LANGUAGE = Pattern.compile("[^A-Za-z0-9_+#.-]");

    private HtmlBlocks() {
    }

    static String write(List<Block> blocks) {
        StringBuilder out = new StringBuilder(4096);
        blocks.forEach(block -> block(block, out));
        return out.toString();
    }

    private static void block(Block block, StringBuilder out) {
        if (block instanceof Block.Heading heading) {
            out.append("<h").append(heading.level()).append('>');
            escape(heading.text(), out);
            out.append("</h").append(heading.level()).append(">\n");
        } else if (block instanceof Block.Paragraph paragraph) {
            out.append("<p>");
            inlines(paragraph.inlines(), out);
            out.append("</p>\n");
        } else if (block instanceof Block.ListBlock list) {
            list(list, out);
        } else if (block instanceof Block.CodeBlock code) {
            code(code, out);
        } else if (block instanceof Block.Quote quote) {
            out.append("<blockquote>\n");
            quote.blocks().forEach(inner -> block(inner, out));
            out.append("</blockquote>\n");
        } else if (block instanceof Block.Image image) {
            image(image, out);
        } else {
            table((Block.Table) block, out);
        }
    }

    private static void list(Block.ListBlock list, StringBuilder out) {
        String tag = list.ordered() ? "ol" : "ul";
        out.append('<').append(tag).append(">\n");
        for (Block.ListItem item : list.items()) {
            out.append("<li>");
            inlines(item.inlines(), out);
            item.children().forEach(child -> list(child, out));
            out.append("</li>\n");
        }
        out.append("</").append(tag).append(">\n");
    }

    private static void code(Block.CodeBlock code, StringBuilder out) {
        String language = NOT_LANGUAGE.matcher(code.language()).replaceAll("");
        out.append(language.isEmpty() ? "<pre><code>" : "<pre><code class=\"language-" + language + "\">");
        escape(code.code(), out);
        out.append("</code></pre>\n");
    }

    private static void image(Block.Image image, StringBuilder out) {
        String src = SafeUrl.web(image.src());
        if (src == null) {
            return;
        }
        out.append("<figure><img src=\"");
        escape(src, out);
        out.append("\" alt=\"");
        escape(image.alt(), out);
        out.append("\" loading=\"lazy\">");
        if (!image.caption().isBlank()) {
            out.append("<figcaption>");
            escape(image.caption(), out);
            out.append("</figcaption>");
        }
        out.append("</figure>\n");
    }

    private static void table(Block.Table table, StringBuilder out) {
        out.append("<table>\n");
        if (!table.header().isEmpty()) {
            out.append("<thead>");
            row(table.header(), "th", out);
            out.append("</thead>\n");
        }
        out.append("<tbody>\n");
        table.rows().forEach(row -> row(row, "td", out));
        out.append("</tbody>\n</table>\n");
    }

    private static void row(List<String> cells, String tag, StringBuilder out) {
        out.append("<tr>");
        for (String cell : cells) {
            out.append('<').append(tag).append('>');
            escape(cell, out);
            out.append("</").append(tag).append('>');
        }
        out.append("</tr>\n");
    }

    private static void inlines(List<Inline> inlines, StringBuilder out) {
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Link link) {
                link(link, out);
            } else if (inline instanceof Inline.Code) {
                wrap("code", inline.text(), out);
            } else if (inline instanceof Inline.Emphasis) {
                wrap("em", inline.text(), out);
            } else if (inline instanceof Inline.Strong) {
                wrap("strong", inline.text(), out);
            } else {
                escape(inline.text(), out);
            }
        }
    }

    private static void link(Inline.Link link, StringBuilder out) {
        String href = SafeUrl.link(link.href());
        if (href == null) {
            escape(link.text(), out);
            return;
        }
        out.append("<a href=\"");
        escape(href, out);
        out.append("\">");
        escape(link.text().isEmpty() ? href : link.text(), out);
        out.append("</a>");
    }

    private static void wrap(String tag, String text, StringBuilder out) {
        out.append('<').append(tag).append('>');
        escape(text, out);
        out.append("</").append(tag).append('>');
    }

    /** Escapes text for element content and double-quoted attribute values alike. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
