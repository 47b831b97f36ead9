package dev.cartage.marshal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentTest {

    @Test
    void wordCountCountsEveryBlockButNotTheTitle() {
        Document document = new Document("Title words here", null, null, null, List.of(
                new Block.Heading(2, "Two words"),
                new Block.Paragraph(List.of(new Inline.Text("see "), new Inline.Link("the report", "https://x.org/"))),
                new Block.ListBlock(false, List.of(new Block.ListItem(List.of(new Inline.Text("a")),
                        List.of(new Block.ListBlock(true, List.of(
                                new Block.ListItem(List.of(new Inline.Text("b")), List.of()))))))),
                new Block.CodeBlock("c", "int x;"),
                new Block.Quote(List.of(new Block.Paragraph(List.of(new Inline.Text("quoted"))))),
                new Block.Table(List.of("h"), List.of(List.of("c1", "c2")))));

        assertThat(document.wordCount()).isEqualTo(2 + 3 + 2 + 2 + 1 + 3);
    }

    @Test
    void blocksAreCopiedSoTheDocumentCannotChangeLater() {
        List<Block> blocks = new ArrayList<>(List.of(new Block.Heading(1, "x")));
        Document document = new Document(null, null, null, null, blocks);
        blocks.clear();

        assertThat(document.blocks()).hasSize(1);
        assertThatThrownBy(() -> document.blocks().add(new Block.Heading(1, "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void headingLevelIsChecked() {
        assertThatThrownBy(() -> new Block.Heading(7, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
