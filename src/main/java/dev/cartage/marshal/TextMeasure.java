package dev.cartage.marshal;

/** Counts characters of text as a reader sees it: runs of whitespace count as one space, commas of any script. */
final class TextMeasure {

    private TextMeasure() {
    }

    /** The length of the text with each whitespace run counted once. */
    static int length(String text) {
        int length = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Whitespace.isSpace(c)) {
                space = true;
            } else {
                if (space && length > 0) {
                    length++;
                }
                space = false;
                length++;
            }
        }
        return length;
    }

    /** Commas, including the Arabic, full-width and other scripts' commas Readability.js counts. */
    static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case ',', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C' -> commas++;
                default -> {
                }
            }
        }
        return commas;
    }
}
