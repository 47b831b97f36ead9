package dev.cartage.marshal;

import java.util.List;
import java.util.Objects;

/**
 * A run of text inside a paragraph, list item or quote: plain text, a link, inline code, emphasis or strong
 * emphasis.
 *
 * <p>Inlines are flat on purpose: emphasis holds plain text, not further inlines, so every renderer can map
 * them without a second tree walk. Text is stored literally (never pre-escaped for any output format) and with
 * its whitespace already collapsed by the producer; a renderer escapes it for its own syntax.
 */
public sealed interface Inline {

    /** The inline's text as a reader would see it, without any markup. */
    String text();

    /**
     * Literal text.
     *
     * @param text the text; never null
     */
    record Text(String text) implements Inline {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A hyperlink.
     *
     * @param text the link's visible text; never null
     * @param href the target as an absolute URL; never null
     */
    record Link(String text, String href) implements Inline {
        public Link {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(href, "href");
        }
    }

    /**
     * Inline code, such as an identifier in running text.
     *
     * @param text the code, exactly as written; never null
     */
    record Code(String text) implements Inline {
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Emphasised text ({@code <em>}, {@code <i>}).
     *
     * @param text the emphasised text; never null
     */
    record Emphasis(String text) implements Inline {
        public Emphasis {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Strongly emphasised text ({@code <strong>}, {@code <b>}).
     *
     * @param text the text; never null
     */
    record Strong(String text) implements Inline {
        public Strong {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Joins the visible text of the given inlines, as a reader would see it. */
    static String plainText(List<Inline> inlines) {
        StringBuilder text = new StringBuilder();
        inlines.forEach(inline -> text.append(inline.text()));
        return text.toString();
    }
}
