package dev.cartage.marshal.meta;

import java.util.regex.Pattern;

/**
 * Cleans a metadata value for keeping: whitespace collapsed as a browser shows it, and at most
 * {@value #MAX_CHARS} characters, so that a hostile page cannot bloat the document through its metadata.
 */
final class MetaText {

    /** The longest metadata value kept, in characters; longer values are cut (URLs are dropped instead). */
    static final int MAX_CHARS = 2_000;

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    private MetaText() {
    }

    /** The value with whitespace collapsed, trimmed and cut to {@value #MAX_CHARS} characters; null when blank. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = WHITESPACE.matcher(value.length() > MAX_CHARS * 4 ? value.substring(0, MAX_CHARS * 4) : value)
                .replaceAll(" ").strip();
        if (collapsed.isEmpty()) {
            return null;
        }
        if (collapsed.length() <= MAX_CHARS) {
            return collapsed;
        }
        int end = Character.isHighSurrogate(collapsed.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return collapsed.substring(0, end).stripTrailing();
    }

    /** The first of the values that is not null; null when all are. */
    static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
