package dev.cartage.render;

import dev.cartage.marshal.Inline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MarkdownTextTest {

    static Stream<Arguments> literalText() {
        return Stream.of(
                arguments("*not emphasis*", "\\*not emphasis\\*"),
                arguments("# not heading", "\\# not heading"),
                arguments("#hashtag", "\\#hashtag"),
                arguments("1. not a list", "1\\. not a list"),
                arguments("2024. A year", "2024\\. A year"),
                arguments("3) nor this", "3\\) nor this"),
                arguments("- not a bullet", "\\- not a bullet"),
                arguments("+ nor this", "\\+ nor this"),
                arguments("---", "\\---"),
                arguments("***", "\\*\\*\\*"),
                arguments("> not a quote", "\\> not a quote"),
                arguments("[x](y)", "\\[x\\](y)"),
                arguments("![img](src)", "!\\[img\\](src)"),
                arguments("<b>not html</b>", "\\<b>not html\\</b>"),
                arguments("`not code`", "\\`not code\\`"),
                arguments("~~not struck~~", "\\~\\~not struck\\~\\~"),
                arguments("back\\slash", "back\\\\slash"),
                arguments("_emphasis_ but snake_case", "\\_emphasis\\_ but snake_case"),
                arguments("AT&amp;T and &#42;", "AT\\&amp;T and \\&#42;"),
                arguments("fish & chips", "fish & chips"),
                arguments("C# 1. and a | pipe.", "C# 1. and a | pipe."),
                arguments("  spaced\n  out  ", "spaced out"));
    }

    @ParameterizedTest
    @MethodSource("literalText")
    void textAtTheStartOfALineStaysLiteral(String text, String expected) {
        assertThat(MarkdownText.line(List.of(new Inline.Text(text)))).isEqualTo(expected);
    }

    static Stream<Arguments> codeSpans() {
        return Stream.of(
                arguments("plain", "`plain`"),
                arguments("a ` b", "``a ` b``"),
                arguments("``double``", "``` ``double`` ```"),
                arguments(" padded ", "`  padded  `"),
                arguments("|", "`|`"));
    }

    @ParameterizedTest
    @MethodSource("codeSpans")
    void codeSpanFenceIsLongerThanItsContentsBackticks(String code, String expected) {
        assertThat(MarkdownText.codeSpan(code)).isEqualTo(expected);
    }

    static Stream<Arguments> destinations() {
        return Stream.of(
                arguments("https://x.org/a", "https://x.org/a"),
                arguments("https://x.org/a b", "https://x.org/a%20b"),
                arguments("https://x.org/wiki/Pascal_(language)", "https://x.org/wiki/Pascal_\\(language\\)"),
                arguments("https://x.org/<x>", "https://x.org/\\<x\\>"),
                arguments("https://x.org/?a=1&amp;b=2&c=3", "https://x.org/?a=1\\&amp;b=2&c=3"),
                arguments("https://x.org/a]b\\c", "https://x.org/a]b\\\\c"));
    }

    @ParameterizedTest
    @MethodSource("destinations")
    void linkDestinationsReadBackAsTheSameUrl(String url, String expected) {
        assertThat(MarkdownText.destination(url)).isEqualTo(expected);
    }

    @Test
    void onlyTheFirstTextOfALineGetsLineStartEscaping() {
        List<Inline> inlines = List.of(new Inline.Link("x", "https://x.org/"), new Inline.Text(" - 1. # y"));

        assertThat(MarkdownText.line(inlines)).isEqualTo("[x](https://x.org/) - 1. # y");
    }

    @Test
    void cellsEscapePipesAndStayOnOneLine() {
        assertThat(MarkdownText.cell("a | b\nc")).isEqualTo("a \\| b c");
    }

    @Test
    void textCollapsesTabsLineBreaksVerticalTabsAndNoBreakSpacesLikeTheMarshalStage() {
        List<Inline> inlines = List.of(new Inline.Text("\u00A0 one\t\ttwo\n\nthree\u000Bfour\u00A0\u00A0five\r\n"));

        assertThat(MarkdownText.line(inlines)).isEqualTo("one two three four five");
        assertThat(MarkdownText.collapse("\u000B a\u00A0\fb \u00A0")).isEqualTo("a b");
    }

    @Test
    void otherUnicodeSpacesAreKept() {
        assertThat(MarkdownText.collapse("10\u2009km\u3000x")).isEqualTo("10\u2009km\u3000x");
    }
}
