package dev.cartage.marshal;

import dev.cartage.marshal.meta.Metadata;
import dev.cartage.pipeline.FailureType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain text into a {@link Document}: paragraphs are separated by blank lines, and the lines of one
 * paragraph are joined with their whitespace collapsed, as a reader would reflow them.
 *
 * <p>The first paragraph is taken as the title when it looks like one: a single line of at most
 * {@value #MAX_TITLE_CHARS} characters that does not end like a sentence, followed by more text. It then becomes
 * a level-1 heading, as a page's {@code h1} would be; text without such a line has no title.
 */
final class TextMarshaller {

    static final int MAX_TITLE_CHARS = 100;

    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \\t\\f\\u00A0]*(?:\n[ \\t\\f\\u00A0]*)+");
    private static final Pattern WHITESPACE = Whitespace.RUN;

    Document marshal(String text, String baseUrl, MarshalDeadline deadline) {
        List<String> paragraphs = new ArrayList<>();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String raw : BLANK_LINES.split(normalised)) {
            deadline.check();
            String paragraph = WHITESPACE.matcher(raw).replaceAll(" ").strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        if (paragraphs.isEmpty()) {
            throw new MarshalException(FailureType.PARSE, "The text document is empty");
        }
        String title = isTitle(normalised, paragraphs) ? paragraphs.get(0) : null;
        List<Block> blocks = new ArrayList<>(paragraphs.size());
        for (String paragraph : paragraphs) {
            blocks.add(blocks.isEmpty() && title != null
                    ? new Block.Heading(1, paragraph)
                    : new Block.Paragraph(List.of(new Inline.Text(paragraph))));
        }
        return new Document(baseUrl, Metadata.builder().title(title).build(), blocks, null);
    }

    private static boolean isTitle(String text, List<String> paragraphs) {
        String first = paragraphs.get(0);
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        return paragraphs.size() > 1 && first.length() <= MAX_TITLE_CHARS
                && WHITESPACE.matcher(firstLine).replaceAll(" ").equals(first)
                && ".!?,;:".indexOf(first.charAt(first.length() - 1)) < 0;
    }
}
