package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextRendererTest {

    /** The extraction score's tokens: runs of Unicode word characters. */
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private final PlainTextRenderer renderer = new PlainTextRenderer();

    /**
     * The quality score reads this format, so its words are the blocks' own words in order — plus only the
     * numbers of ordered list items, the one marker that is a word.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.cartage.render.GeneratedDocuments#seeds")
    void theWordsAreTheBlocksPlainTextWords(long seed) {
        Document document = GeneratedDocuments.document(seed);

        List<String> expected = new ArrayList<>();
        document.blocks().forEach(block -> expectedTokens(block, expected));

        assertThat(tokens(renderer.render(document).content())).containsExactlyElementsOf(expected);
    }

    @Test
    void blocksAreSeparatedByOneBlankLineWithoutTitleOrMetadata() {
        Document document = new Document("The title", "https://x.org/", "en", "A description", List.of(
                new Block.Heading(2, "Setup"),
                new Block.Paragraph(List.of(new Inline.Text("Run "), new Inline.Code("make"),
                        new Inline.Text(" and read "), new Inline.Link("the guide", "https://x.org/g"),
                        new Inline.Text("."))),
                new Block.ListBlock(false, List.of(
                        new Block.ListItem(List.of(new Inline.Text("apples")), List.of(new Block.ListBlock(true,
                                List.of(new Block.ListItem(List.of(new Inline.Text("green")), List.of()),
                                        new Block.ListItem(List.of(new Inline.Text("red")), List.of()))))),
                        new Block.ListItem(List.of(new Inline.Strong("pears")), List.of()))),
                new Block.CodeBlock("java", "if (a) {\n    b();\n}\n"),
                new Block.Table(List.of("name", "size"), List.of(List.of("a", "1"), List.of("b", "2"))),
                new Block.Image("https://x.org/i.png", "alt text is not shown", "The caption is not shown either"),
                new Block.Image("https://x.org/j.png", "an uncaptioned image", ""),
                new Block.Quote(List.of(new Block.Paragraph(List.of(new Inline.Text("Quoted."))),
                        new Block.Paragraph(List.of(new Inline.Text("Twice.")))))));

        Rendered rendered = renderer.render(document);

        assertThat(rendered.format()).isEqualTo(Format.TEXT);
        assertThat(rendered.mediaType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(rendered.title()).isEqualTo("The title");
        assertThat(rendered.content()).isEqualTo("""
                Setup

                Run make and read the guide.

                - apples
                  1. green
                  2. red
                - pears

                if (a) {
                    b();
                }

                name\tsize
                a\t1
                b\t2

                > Quoted.
                >
                > Twice.
                """);
    }

    @Test
    void aDocumentWithoutTextIsEmpty() {
        Document document = new Document(null, null, null, null,
                List.of(new Block.Image("https://x.org/i.png", "alt", "")));

        assertThat(renderer.render(document).content()).isEmpty();
    }

    private static void expectedTokens(Block block, List<String> tokens) {
        if (block instanceof Block.ListBlock list) {
            list(list, tokens);
        } else if (block instanceof Block.Quote quote) {
            quote.blocks().forEach(inner -> expectedTokens(inner, tokens));
        } else {
            tokens.addAll(tokens(block.plainText()));
        }
    }

    private static void list(Block.ListBlock list, List<String> tokens) {
        int number = 1;
        for (Block.ListItem item : list.items()) {
            if (list.ordered()) {
                tokens.add(String.valueOf(number++));
            }
            tokens.addAll(tokens(Inline.plainText(item.inlines())));
            item.children().forEach(child -> list(child, tokens));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
