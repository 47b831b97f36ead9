package dev.cartage.render;

import dev.cartage.marshal.Inline;
import dev.cartage.marshal.Whitespace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes inline content as CommonMark/GFM so that it reads back as the same literal text: characters that
 * would start markup are backslash-escaped, link targets are made safe, code spans get a long enough fence.
 *
 * <p>Escaping is minimal where that stays correct: an underscore between two letters cannot start emphasis and
 * an ampersand only matters when it spells an entity, so neither is escaped then; block markers such as a
 * leading {@code #}, {@code -} or {@code 1.} are escaped only at the start of a line.
 */
final class MarkdownText {

    private static final Pattern ENTITY =
            Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^[0-9]{1,9}(?=[.)](?:\\s|$))");
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final String ALWAYS_ESCAPED = "\\`*[]<~";
    private static final String LINE_START_MARKERS = "#-+>";

    private MarkdownText() {
    }

    /**
     * Writes inlines that start a line (a paragraph or a list item), escaping block markers at the start.
     *
     * <p>Emphasis that CommonMark could not read back where it stands — its delimiters glued to a neighbouring
     * word on one side and to punctuation on the other, or touching another delimiter — is written as plain text
     * instead: the words survive, only the styling is lost. An {@code !} right before a link is escaped so the
     * two do not read as an image. Code spans that touch become one, since their backtick fences would merge.
     */
    static String line(List<Inline> given) {
        List<Inline> inlines = joinAdjacentCode(given);
        List<String> pieces = new ArrayList<>(inlines.size());
        for (int i = 0; i < inlines.size(); i++) {
            Inline inline = inlines.get(i);
            if (inline instanceof Inline.Text text) {
                String plain = Whitespace.runsToSpaces(text.text());
                plain = i == 0 ? plain.stripLeading() : plain;
                plain = i == inlines.size() - 1 ? plain.stripTrailing() : plain;
                pieces.add(escape(plain, false));
            } else {
                pieces.add(styled(inline));
            }
        }
        for (int i = 0; i < pieces.size(); i++) {
            Inline inline = inlines.get(i);
            if ((inline instanceof Inline.Emphasis || inline instanceof Inline.Strong) && !pieces.get(i).isEmpty()
                    && !Delimiters.fit(before(pieces, i), pieces.get(i), after(pieces, i))) {
                pieces.set(i, escape(collapse(inline.text()), false));
            }
            if (pieces.get(i).startsWith("[") && before(pieces, i) == '!') {
                int previous = lastNonEmpty(pieces, i);
                String text = pieces.get(previous);
                pieces.set(previous, text.substring(0, text.length() - 1) + "\\!");
            }
        }
        String line = String.join("", pieces);
        return escapeLineStart(line);
    }

    private static List<Inline> joinAdjacentCode(List<Inline> inlines) {
        List<Inline> joined = new ArrayList<>(inlines.size());
        for (Inline inline : inlines) {
            int last = joined.size() - 1;
            if (inline instanceof Inline.Code && last >= 0 && joined.get(last) instanceof Inline.Code previous) {
                joined.set(last, new Inline.Code(previous.text() + inline.text()));
            } else {
                joined.add(inline);
            }
        }
        return joined;
    }

    private static int lastNonEmpty(List<String> pieces, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!pieces.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** The character written just before piece {@code index}, or a space at the start of the line. */
    private static char before(List<String> pieces, int index) {
        int previous = lastNonEmpty(pieces, index);
        if (previous < 0) {
            return ' ';
        }
        String text = pieces.get(previous);
        return text.charAt(text.length() - 1);
    }

    /** The character written just after piece {@code index}, or a space at the end of the line. */
    private static char after(List<String> pieces, int index) {
        for (int i = index + 1; i < pieces.size(); i++) {
            if (!pieces.get(i).isEmpty()) {
                return pieces.get(i).charAt(0);
            }
        }
        return ' ';
    }

    /** Writes a heading's text; a trailing run of {@code #} is escaped so it is not taken for a closing sequence. */
    static String heading(String text) {
        String escaped = escape(collapse(text), false);
        int run = escaped.length();
        while (run > 0 && escaped.charAt(run - 1) == '#') {
            run--;
        }
        return run == escaped.length() ? escaped : escaped.substring(0, run) + "\\" + escaped.substring(run);
    }

    /** Writes a GFM table cell: inline escaping plus {@code |}, on one line. */
    static String cell(String text) {
        return escape(collapse(text), true);
    }

    /** Collapses {@link Whitespace} runs, line breaks included, to single spaces and trims. */
    static String collapse(String text) {
        return Whitespace.collapse(text);
    }

    private static String styled(Inline inline) {
        if (inline instanceof Inline.Link link) {
            String text = collapse(link.text());
            return "[" + escape(text.isEmpty() ? link.href() : text, false) + "](" + destination(link.href()) + ")";
        }
        if (inline instanceof Inline.Code code) {
            return codeSpan(code.text());
        }
        if (inline instanceof Inline.Strong strong) {
            return wrap("**", strong.text());
        }
        return wrap("*", inline.text());
    }

    private static String wrap(String delimiter, String text) {
        String collapsed = collapse(text);
        return collapsed.isEmpty() ? "" : delimiter + escape(collapsed, false) + delimiter;
    }

    /** A code span whose fence is longer than any backtick run inside, padded where CommonMark strips a space. */
    static String codeSpan(String code) {
        String content = code.replace('\n', ' ').replace('\r', ' ');
        if (content.isEmpty()) {
            return "";
        }
        String fence = "`".repeat(longestRun(BACKTICKS, content) + 1);
        boolean pad = content.startsWith("`") || content.endsWith("`")
                || (content.startsWith(" ") && content.endsWith(" ") && !content.isBlank());
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    static int longestRun(Pattern run, String text) {
        Matcher matcher = run.matcher(text);
        int longest = 0;
        while (matcher.find()) {
            longest = Math.max(longest, matcher.end() - matcher.start());
        }
        return longest;
    }

    /**
     * A link destination that reads back as the same URL: backslashes, parentheses and angle brackets are
     * escaped, entity-like ampersands too (CommonMark decodes entities in destinations), and whitespace or
     * control characters, which a destination cannot hold, are percent-encoded as a browser would send them.
     */
    static String destination(String url) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if ("\\()<>".indexOf(c) >= 0 || (c == '&' && ENTITY.matcher(url).region(i, url.length()).lookingAt())) {
                out.append('\\').append(c);
            } else if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes the characters that would start inline markup; {@code |} too inside a table. */
    static String escape(String text, boolean inTable) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = ALWAYS_ESCAPED.indexOf(c) >= 0
                    || (c == '_' && !isIntraword(text, i))
                    || (c == '&' && ENTITY.matcher(text).region(i, text.length()).lookingAt())
                    || (c == '|' && inTable);
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An underscore between two letters or digits can neither open nor close emphasis. */
    private static boolean isIntraword(String text, int i) {
        return i > 0 && i < text.length() - 1
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** Escapes a marker that would turn the start of a line into a heading, list item, quote or thematic break. */
    private static String escapeLineStart(String line) {
        if (!line.isEmpty() && LINE_START_MARKERS.indexOf(line.charAt(0)) >= 0) {
            return "\\" + line;
        }
        Matcher ordered = ORDERED_MARKER.matcher(line);
        return ordered.find() ? line.substring(0, ordered.end()) + "\\" + line.substring(ordered.end()) : line;
    }
}
