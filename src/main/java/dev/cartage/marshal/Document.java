package dev.cartage.marshal;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.cartage.marshal.meta.Metadata;

/**
 * A page's readable content as format-neutral data: its metadata and its main content as blocks.
 * This is what the marshal stage produces and every renderer consumes. It holds no parser state (no DOM), so a
 * document costs only its text once marshal is done.
 *
 * @param sourceUrl the URL the page came from (also the base its links were resolved against), or null
 * @param metadata  what the page says about itself; never null ({@link Metadata#NONE} when nothing)
 * @param blocks    the main content in reading order; the list is copied
 * @param data      for JSON input, the JSON itself, kept as data (the blocks then show it as a code block);
 *                  null for every other kind of input
 */
public record Document(String sourceUrl, Metadata metadata, List<Block> blocks, JsonNode data) {

    /** Average silent reading speed for running text, in words per minute, used for {@link #readingMinutes()}. */
    public static final int WORDS_PER_MINUTE = 230;

    private static final Pattern WORD = Pattern.compile("\\S+");

    public Document {
        Objects.requireNonNull(metadata, "metadata");
        blocks = List.copyOf(blocks);
    }

    /** A document with only the commonest metadata, for content that is not JSON. */
    public Document(String title, String sourceUrl, String language, String description, List<Block> blocks) {
        this(sourceUrl, Metadata.builder().title(title).language(language).description(description).build(),
                blocks, null);
    }

    public String title() {
        return metadata.title();
    }

    public String language() {
        return metadata.language();
    }

    public String description() {
        return metadata.description();
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

    /** Minutes a reader needs for the content at {@value #WORDS_PER_MINUTE} words per minute, rounded up; 0 when empty. */
    public int readingMinutes() {
        return (wordCount() + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
    }
}
