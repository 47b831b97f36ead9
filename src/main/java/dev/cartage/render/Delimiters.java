package dev.cartage.render;

/**
 * Whether {@code *} or {@code **} around a piece of inline text will be read back as emphasis where it stands,
 * by CommonMark's flanking rules (spec 0.31, section 6.2): an opening run must not be followed by whitespace, nor by
 * punctuation unless whitespace or punctuation precedes it; a closing run mirrors that. A run also must not touch
 * another {@code *}, or the two would merge into one longer run.
 */
final class Delimiters {

    private Delimiters() {
    }

    /**
     * @param before  the character written before the opening run (a space at the start of a line)
     * @param wrapped the emphasis as written, delimiters included, such as {@code *word*}
     * @param after   the character written after the closing run (a space at the end of a line)
     */
    static boolean fit(char before, String wrapped, char after) {
        int run = wrapped.startsWith("**") ? 2 : 1;
        if (wrapped.length() <= 2 * run || before == '*' || after == '*') {
            return false;
        }
        if (Character.isSurrogate(before) || Character.isSurrogate(after)
                || Character.isSurrogate(wrapped.charAt(run)) || Character.isSurrogate(wrapped.charAt(wrapped.length() - run - 1))) {
            return false; // a character outside the BMP: rare enough at an edge to play safe without classifying it
        }
        char first = wrapped.charAt(run);
        char last = wrapped.charAt(wrapped.length() - run - 1);
        boolean opens = !isWhitespace(first) && (!isPunctuation(first) || isWhitespace(before) || isPunctuation(before));
        boolean closes = !isWhitespace(last) && (!isPunctuation(last) || isWhitespace(after) || isPunctuation(after));
        return opens && closes;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** ASCII punctuation or a Unicode punctuation or symbol character, as the spec defines it. */
    private static boolean isPunctuation(char c) {
        if (c < 128) {
            return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}
