package dev.cartage.marshal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A page's readable content as format-neutral data: its metadata and its main content as blocks.
 * This is what the marshal stage produces and every renderer consumes.
 *
 * @param title       the page's title, or null when the page names none
 * @param sourceUrl   the URL the page came from (also the base its links were resolved against), or null
 * @param language    the page's language as declared, such as {@code en} or {@code pt-BR}, or null
 * @param description the page's own summary (its meta description), or null
 * @param blocks      the main content in reading order; the list is copied
 */
public record Document(String title, String sourceUrl, String language, String description, List<Block> blocks) {

    private static final Pattern WORD = Pattern.compile("\\S+");

    public Document {
        blocks = List.copyOf(blocks);
    }

    /**
     * Counts the whitespace-separated words of the content blocks (not the title or description).
     * Scripts written without spaces, such as Chinese, count as one word per run of text.
     */
    public int wordCount() {
        int words = 0;
        for (Block block : blocks) {
            words += (int) WORD.matcher(block.plainText()).results().count();
        }
        return words;
    }
}
