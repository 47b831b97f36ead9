package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The page furniture that sits inside an article's content without being its text: datelines and "Updated …"
 * stamps before the first paragraph, and the captions and credits of its pictures. Part of {@link ConditionalCleaner}.
 */
final class Furniture {

    private static final Set<String> LEAF_BLOCKS = Set.of("p", "div", "span", "time", "section");
    private static final Pattern DATE = Pattern.compile("\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? "
            + "\\d{1,2},? \\d{4}\\b|\\b\\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{4}\\b"
            + "|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b", Pattern.CASE_INSENSITIVE);
    /** Longer than this (characters), a block named as a caption holds more than a caption. */
    private static final int CAPTION_LENGTH = 300;
    private static final Evaluator FIGCAPTION = QueryParser.parse("figcaption");

    private Furniture() {
    }

    /**
     * Removes the short lines with a date that stand before the article's first real paragraph: datelines and
     * "Updated …" stamps, which are the document's metadata rather than its text.
     */
    static void removeLeadingDatelines(Element content, ContentStats stats) {
        for (Element element : content.getAllElements()) {
            MarshalDeadline.checkCurrent();
            ElementStats s = stats.of(element);
            if (element.nameIs("p") && s.text >= 100) {
                return;
            }
            if (element != content && s.text > 0 && s.text < 80 && element.parent() != null
                    && LEAF_BLOCKS.contains(element.normalName()) && DATE.matcher(element.text()).find()) {
                ConditionalCleaner.remove(element, content, stats);
            }
        }
    }

    /**
     * Removes captions and credits outside a {@code figcaption}, found by name ("newsCaption", "article__credit",
     * "caption-full"): text about a picture, not the article's. A {@code figcaption} stays, as the caption of its
     * figure's image; a named block holding an image or a paragraph's worth of text is more than a caption.
     */
    static void removeNamedCaptions(Element content, ContentStats stats) {
        for (Element element : content.getAllElements()) {
            MarshalDeadline.checkCurrent();
            ElementStats s = stats.of(element);
            if (element != content && element.parent() != null && s.images == 0 && s.text < CAPTION_LENGTH
                    && !element.nameIs("figcaption") && ClassNames.namesCaption(element)
                    && element.closest(FIGCAPTION) == null) {
                ConditionalCleaner.remove(element, content, stats);
            }
        }
    }
}
