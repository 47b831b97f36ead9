package dev.cartage.marshal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reader whitespace: Java's {@code \s} plus no-break space, collapsed by one loop that agrees with its pattern. */
class WhitespaceTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "a", "a b", " a  b ", "a\t\n\u000Bb", "\r\n", "a \fb\n", "x\u00A0y", "x \u00A0 y",
            "\u00A0\u00A0", "tail  ", "  head", "10\u2009km", "a\u3000b"})
    void runsToSpacesCollapsesExactlyLikeThePattern(String text) {
        assertThat(Whitespace.runsToSpaces(text)).isEqualTo(Whitespace.RUN.matcher(text).replaceAll(" "));
        assertThat(Whitespace.RUN.matcher(text).replaceAll(" ")).isEqualTo(text.replaceAll("[\\s\\u00A0]+", " "));
    }

    @Test
    void runsToSpacesReturnsTheTextItselfWhenNothingChanges() {
        String text = "one two three";

        assertThat(Whitespace.runsToSpaces(text)).isSameAs(text);
    }

    @Test
    void tabsLineBreaksVerticalTabsAndNoBreakSpacesCollapseToOneSpaceAndAreTrimmed() {
        assertThat(Whitespace.collapse("\u00A0one\t\ttwo\r\n\nthree\u000Bfour\u00A0\u00A0five\f\u000B"))
                .isEqualTo("one two three four five");
    }

    @Test
    void thinAndIdeographicSpacesAreNotReaderWhitespace() {
        assertThat(Whitespace.collapse(" 10\u2009km\u3000x ")).isEqualTo("10\u2009km\u3000x");
        assertThat(Whitespace.isSpace('\u2009')).isFalse();
    }

    @Test
    void nullCollapsesToTheEmptyString() {
        assertThat(Whitespace.collapse(null)).isEmpty();
    }
}
