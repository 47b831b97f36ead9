package dev.cartage.marshal;

import java.util.regex.Pattern;

/**
 * The whitespace of reader text, for the marshal stage that collapses a page's text and for the renderers that
 * collapse a document's text again before writing it: space, tab, line feed, carriage return, form feed, line
 * tabulation (VT, {@code U+000B}) and no-break space (NBSP, {@code U+00A0}) — Java's {@code \s} plus NBSP.
 *
 * <p>A browser keeps NBSP and shows VT as nothing; a reader does neither. Pages use runs of {@code &nbsp;} for
 * layout (indents, "empty" paragraphs) and stray control characters in pasted text, and neither means anything in
 * Markdown or plain text, so both collapse with the rest. What is not in the set stays: other Unicode spaces (thin,
 * ideographic) separate words on purpose, and line or paragraph separators are rare enough to keep as written.
 */
public final class Whitespace {

    /** One or more whitespace characters, for matching. */
    public static final Pattern RUN = Pattern.compile("[ \\t\\n\\x0B\\f\\r\\u00A0]+");

    private Whitespace() {
    }

    /** Whether {@code c} is reader whitespace. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0';
    }

    /** {@code text} with whitespace runs collapsed to single spaces and trimmed; null becomes the empty string. */
    public static String collapse(String text) {
        return text == null ? "" : runsToSpaces(text).strip();
    }

    /**
     * Replaces each run of whitespace with one space, keeping the ends. A loop rather than {@link #RUN}: renderers
     * call it on every text, and it returns the text itself when there is nothing to do.
     */
    public static String runsToSpaces(String text) {
        int i = 0;
        int length = text.length();
        while (i < length && !startsRun(text, i)) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length).append(text, 0, i);
        boolean inRun = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    /** Whether the text must change at {@code i}: whitespace other than a lone space. */
    private static boolean startsRun(String text, int i) {
        char c = text.charAt(i);
        return isSpace(c) && (c != ' ' || (i + 1 < text.length() && isSpace(text.charAt(i + 1))));
    }
}
