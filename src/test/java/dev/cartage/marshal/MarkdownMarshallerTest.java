package dev.cartage.marshal;

import dev.cartage.marshal.Block.CodeBlock;
import dev.cartage.marshal.Block.Heading;
import dev.cartage.marshal.Block.ListBlock;
import dev.cartage.marshal.Block.ListItem;
import dev.cartage.marshal.Block.Paragraph;
import dev.cartage.marshal.Block.Quote;
import dev.cartage.marshal.Block.Table;
import dev.cartage.marshal.Inline.Emphasis;
import dev.cartage.marshal.Inline.Link;
import dev.cartage.marshal.Inline.Strong;
import dev.cartage.marshal.Inline.Text;
import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownMarshallerTest {

    private static final String BASE = "https://docs.example.org/guide/intro.md";

    private final Marshallers marshallers = new Marshallers(1 << 20, Duration.ofSeconds(5));

    @Test
    void everyKindOfBlockIsRead() {
        Document document = marshal("""
                # The *guide*

                Read the [manual](../manual.md "Manual") or **the** _spec_ with `code`.
                A soft break joins lines.

                - one
                - two
                  1. nested
                  2. again

                     continued
                - three

                ```java title="A.java"
                class A {}
                ```

                    indented code

                > quoted **text**
                >
                > > deeper

                | Name | Meaning |
                |------|:-------:|
                | `a`  | first   |
                | b    |         |

                ![A diagram](img/diagram.png "the title")

                ---

                [ref]: https://example.org/ref
                """);

        assertThat(document.title()).isEqualTo("The guide");
        assertThat(document.sourceUrl()).isEqualTo(BASE);
        assertThat(document.data()).isNull();
        assertThat(document.blocks()).containsExactly(
                new Heading(1, "The guide"),
                new Paragraph(List.of(new Text("Read the "), new Link("manual", "https://docs.example.org/manual.md"),
                        new Text(" or "), new Strong("the"), new Text(" "), new Emphasis("spec"), new Text(" with "),
                        new Inline.Code("code"), new Text(". A soft break joins lines."))),
                new ListBlock(false, List.of(
                        new ListItem(List.of(new Text("one")), List.of()),
                        new ListItem(List.of(new Text("two")), List.of(new ListBlock(true, List.of(
                                new ListItem(List.of(new Text("nested")), List.of()),
                                new ListItem(List.of(new Text("again"), new Text(" "), new Text("continued")),
                                        List.of()))))),
                        new ListItem(List.of(new Text("three")), List.of()))),
                new CodeBlock("java", "class A {}"),
                new CodeBlock("", "indented code"),
                new Quote(List.of(new Paragraph(List.of(new Text("quoted "), new Strong("text"))),
                        new Quote(List.of(new Paragraph(List.of(new Text("deeper"))))))),
                new Table(List.of("Name", "Meaning"), List.of(List.of("a", "first"), List.of("b", ""))),
                new Block.Image("https://docs.example.org/guide/img/diagram.png", "A diagram", ""));
    }

    @Test
    void rawHtmlIsKeptAsLiteralTextNeverAsMarkup() {
        Document document = marshal("""
                <script>alert(1)</script>

                Text with <b onclick="x()">inline html</b> in it.
                """);

        assertThat(document.blocks()).containsExactly(
                new Paragraph(List.of(new Text("<script>alert(1)</script>"))),
                new Paragraph(List.of(new Text("Text with <b onclick=\"x()\">inline html</b> in it."))));
    }

    @Test
    void linksAreAbsoluteAndUnsafeTargetsBecomeText() {
        Document document = marshal("[a](/root) [b](sibling.md#x) [c](javascript:alert(1)) [d](mailto:ed@example.org)"
                + " [e](data:text/html,x) ![pic](pic.png) text <https://auto.example/link>");

        assertThat(((Paragraph) document.blocks().get(0)).inlines()).containsExactly(
                new Link("a", "https://docs.example.org/root"),
                new Text(" "),
                new Link("b", "https://docs.example.org/guide/sibling.md#x"),
                new Text(" c "),
                new Link("d", "mailto:ed@example.org"),
                new Text(" e "),
                new Link("pic", "https://docs.example.org/guide/pic.png"),
                new Text(" text "),
                new Link("https://auto.example/link", "https://auto.example/link"));
    }

    @Test
    void withoutABaseUrlRelativeLinksAreText() {
        Document document = marshallers.marshal(bytes("[rel](page.md) and [abs](https://a.org/)"), "text/markdown", null);

        assertThat(((Paragraph) document.blocks().get(0)).inlines())
                .containsExactly(new Text("rel and "), new Link("abs", "https://a.org/"));
    }

    @Test
    void theTitleIsTheFirstLevelOneHeadingWhereverItIs() {
        assertThat(marshal("## Section\n\ntext\n\n# Late title\n").title()).isEqualTo("Late title");
        assertThat(marshal("## Only a section\n\ntext\n").title()).isNull();
        assertThat(marshal("Setext title\n============\n\ntext\n").title()).isEqualTo("Setext title");
    }

    @Test
    void deepNestingIsFlattenedNotAStackOverflow() {
        Document quotes = marshal(">".repeat(MarkdownBlocks.MAX_DEPTH + 8) + " deep\n");
        Document hostileQuotes = marshal(">".repeat(5_000) + " deep\n");
        Document lists = marshal(nestedList(200));
        Document emphasis = marshal("*_".repeat(2_000) + "[x](https://a.org)" + "_*".repeat(2_000));

        assertThat(quotes.blocks()).hasSize(1);
        assertThat(quotes.blocks().get(0).plainText()).isEqualTo("deep");
        assertThat(hostileQuotes.blocks().get(0).plainText()).endsWith("deep");
        assertThat(lists.blocks().get(0).plainText()).contains("item 0", "item 199");
        assertThat(emphasis.blocks().get(0).plainText()).contains("x");
    }

    @Test
    void markdownWithoutTextFailsAsParse() {
        for (String markdown : List.of("", "   \n\n", "---\n", "[ref]: https://a.org\n", "![](https://a.org/x.png)")) {
            assertThatThrownBy(() -> marshal(markdown))
                    .as(markdown)
                    .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.PARSE));
        }
    }

    @Test
    void xMarkdownIsMarkdownToo() {
        assertThat(marshallers.marshal(bytes("# T\n\nx"), "text/x-markdown; charset=utf-8", BASE).title()).isEqualTo("T");
    }

    private static String nestedList(int depth) {
        StringBuilder markdown = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            markdown.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        return markdown.toString();
    }

    private Document marshal(String markdown) {
        return marshallers.marshal(bytes(markdown), "text/markdown", BASE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
