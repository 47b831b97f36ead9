package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Block.CodeBlock;
import dev.cartage.marshal.Block.Heading;
import dev.cartage.marshal.Block.ListBlock;
import dev.cartage.marshal.Block.ListItem;
import dev.cartage.marshal.Block.Paragraph;
import dev.cartage.marshal.Block.Quote;
import dev.cartage.marshal.Block.Table;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import dev.cartage.marshal.Inline.Text;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void titleComesFirstAndTheResultCarriesFormatAndMediaType() {
        Rendered rendered = renderer.render(new Document("ALGOL 60", "https://x.org/", "en", null,
                List.of(paragraph("Hello."))));

        assertThat(rendered.format()).isEqualTo(Format.MARKDOWN);
        assertThat(rendered.mediaType()).isEqualTo("text/markdown;charset=UTF-8");
        assertThat(rendered.title()).isEqualTo("ALGOL 60");
        assertThat(rendered.content()).isEqualTo("# ALGOL 60\n\nHello.\n");
    }

    @Test
    void aFirstHeadingRepeatingTheTitleIsNotRepeated() {
        assertThat(markdown("Manual", new Heading(1, "Manual"), paragraph("text"))).isEqualTo("# Manual\n\ntext\n");
        assertThat(markdown(null, new Heading(1, "Manual"), paragraph("text"))).isEqualTo("# Manual\n\ntext\n");
    }

    @Test
    void aTitleWithASiteSuffixGivesWayToTheHeadlineItRepeats() {
        assertThat(markdown("Manual | Example Docs", new Heading(1, "Manual"), paragraph("text")))
                .isEqualTo("# Manual\n\ntext\n");
        assertThat(markdown("Example Docs: Manual", new Heading(1, "Manual"), paragraph("text")))
                .isEqualTo("# Manual\n\ntext\n");
        assertThat(markdown("Manual | Example Docs", new Heading(1, "Appendix"), paragraph("text")))
                .isEqualTo("# Manual | Example Docs\n\n# Appendix\n\ntext\n");
    }

    @Test
    void emphasisCommonMarkCouldNotReadBackIsWrittenAsPlainText() {
        Paragraph glued = new Paragraph(List.of(new Text("word"), new Inline.Emphasis("(aside)"), new Text("word")));
        Paragraph touching = new Paragraph(List.of(new Inline.Emphasis("a"), new Inline.Strong("b")));
        Paragraph spaced = new Paragraph(List.of(new Text("a "), new Inline.Emphasis("(aside)"), new Text(" b")));

        assertThat(markdown(null, glued)).isEqualTo("word(aside)word\n");
        assertThat(markdown(null, touching)).isEqualTo("a**b**\n");
        assertThat(markdown(null, spaced)).isEqualTo("a *(aside)* b\n");
    }

    @Test
    void anExclamationMarkBeforeALinkDoesNotMakeItAnImage() {
        Paragraph paragraph = new Paragraph(List.of(new Text("Wow!"), new Inline.Link("this", "https://x.org/")));

        assertThat(markdown(null, paragraph)).isEqualTo("Wow\\![this](https://x.org/)\n");
    }

    @Test
    void touchingCodeSpansBecomeOneSinceTheirFencesWouldMerge() {
        Paragraph paragraph = new Paragraph(List.of(new Inline.Code("a`"), new Inline.Code("b")));

        assertThat(markdown(null, paragraph)).isEqualTo("``a`b``\n");
    }

    @Test
    void headingsUseAtxMarkersAndEscapeAClosingSequence() {
        assertThat(markdown(null, new Heading(2, "Setup"), new Heading(6, "Issue #"), new Heading(3, "C# *fast*")))
                .isEqualTo("## Setup\n\n###### Issue \\#\n\n### C# \\*fast\\*\n");
    }

    @Test
    void paragraphsCarryInlineMarkupAndAbsoluteLinks() {
        Paragraph paragraph = new Paragraph(List.of(new Text("Run "), new Inline.Code("make"), new Text(", read "),
                new Inline.Link("the [old] guide", "https://x.org/a b(1).html"), new Text(" "),
                new Inline.Emphasis("twice"), new Text(" and "), new Inline.Strong("then"), new Text(" stop.")));

        assertThat(markdown(null, paragraph, paragraph("Second paragraph.")))
                .isEqualTo("Run `make`, read [the \\[old\\] guide](https://x.org/a%20b\\(1\\).html) *twice* and "
                        + "**then** stop.\n\nSecond paragraph.\n");
    }

    @Test
    void nestedListsAreIndentedToTheContentColumn() {
        ListBlock list = new ListBlock(false, List.of(
                item("a", new ListBlock(true, List.of(
                        item("one", new ListBlock(false, List.of(item("deep")))),
                        item("two")))),
                item("b")));

        assertThat(markdown(null, list)).isEqualTo("""
                - a
                  1. one
                     - deep
                  2. two
                - b
                """);
    }

    @Test
    void wideOrderedMarkersIndentTheirChildrenFurther() {
        List<ListItem> items = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            items.add(item("i" + i));
        }
        items.add(item("ten", new ListBlock(false, List.of(item("child")))));

        assertThat(markdown(null, new ListBlock(true, items))).endsWith("9. i9\n10. ten\n    - child\n");
    }

    @Test
    void anItemWithoutTextStillHoldsItsNestedList() {
        ListBlock list = new ListBlock(false, List.of(new ListItem(List.of(),
                List.of(new ListBlock(false, List.of(item("x")))))));

        assertThat(markdown(null, list)).isEqualTo("-\n  - x\n");
    }

    @Test
    void adjacentListsOfTheSameKindUseTheAlternateMarkerSoTheyStaySeparate() {
        assertThat(markdown(null, new ListBlock(false, List.of(item("a"))), new ListBlock(false, List.of(item("b"))),
                new ListBlock(false, List.of(item("c"))), new ListBlock(true, List.of(item("d"))),
                new ListBlock(true, List.of(item("e")))))
                .isEqualTo("- a\n\n* b\n\n- c\n\n1. d\n\n1) e\n");
    }

    @Test
    void listItemTextIsEscapedAtTheStartOfItsLine() {
        assertThat(markdown(null, new ListBlock(false, List.of(item("1. not nested"), item("- nor this")))))
                .isEqualTo("- 1\\. not nested\n- \\- nor this\n");
    }

    @Test
    void codeBlocksAreFencedWithTheirLanguage() {
        assertThat(markdown(null, new CodeBlock("java", "int x;\n  return x;"), new CodeBlock("", "plain")))
                .isEqualTo("```java\nint x;\n  return x;\n```\n\n```\nplain\n```\n");
    }

    @Test
    void codeFenceIsLongerThanAnyBacktickRunInside() {
        assertThat(markdown(null, new CodeBlock("md", "Use ```` to fence ``` fences.")))
                .isEqualTo("`````md\nUse ```` to fence ``` fences.\n`````\n");
    }

    @Test
    void codeLanguageCannotBreakTheInfoString() {
        assertThat(markdown(null, new CodeBlock("c++ `x`", "x"))).isEqualTo("```c++x\nx\n```\n");
    }

    @Test
    void quotesPrefixEveryLineIncludingNestedBlocks() {
        Quote quote = new Quote(List.of(paragraph("one"), new ListBlock(false, List.of(item("two"))),
                new CodeBlock("", "three\n\nfour")));

        assertThat(markdown(null, quote)).isEqualTo("> one\n>\n> - two\n>\n> ```\n> three\n>\n> four\n> ```\n");
    }

    @Test
    void tablesEscapePipesAndPadRaggedRows() {
        Table table = new Table(List.of("a|b", "c"), List.of(List.of("1", "x | y"), List.of("2")));

        assertThat(markdown(null, table)).isEqualTo("""
                | a\\|b | c |
                | --- | --- |
                | 1 | x \\| y |
                | 2 | |
                """);
    }

    @Test
    void aTableWithoutHeaderUsesItsFirstRowAsTheHeader() {
        assertThat(markdown(null, new Table(List.of(), List.of(List.of("k", "v"), List.of("*a*", "[b]")))))
                .isEqualTo("| k | v |\n| --- | --- |\n| \\*a\\* | \\[b\\] |\n");
    }

    @Test
    void emptyBlocksAreLeftOut() {
        assertThat(markdown("T", new Paragraph(List.of()), new Table(List.of(), List.of()), paragraph("x")))
                .isEqualTo("# T\n\nx\n");
        assertThat(markdown(null)).isEmpty();
    }

    private String markdown(String title, Block... blocks) {
        return renderer.render(new Document(title, null, null, null, List.of(blocks))).content();
    }

    private static Paragraph paragraph(String text) {
        return new Paragraph(List.of(new Text(text)));
    }

    private static ListItem item(String text, ListBlock... children) {
        return new ListItem(List.of(new Text(text)), List.of(children));
    }

    @Test
    void imagesBecomeMarkdownImagesWithTheirCaptionAsAParagraph() {
        assertThat(markdown(null, new Block.Image("https://x.org/a (1).png", "A [chart]", "Figure *1*")))
                .isEqualTo("![A \\[chart\\]](https://x.org/a%20\\(1\\).png)\n\nFigure \\*1\\*\n");
    }
}
