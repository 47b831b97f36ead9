package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTitleTest {

    @ParameterizedTest(name = "title \"{0}\", h1 \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = ';', value = {
            "Parsing HTML | The Example Blog ; Parsing HTML ; Parsing HTML",
            "The Example Blog | Parsing HTML ; Parsing HTML ; Parsing HTML",
            "Parsing HTML – The Example Blog ; Parsing HTML ; Parsing HTML",
            "Parsing HTML - Example ; parsing html ; parsing html",
            "Example: Parsing HTML ; Parsing HTML ; Parsing HTML",
            "Parsing HTML ; Parsing HTML ; Parsing HTML",
            "Parsing HTML with jsoup, a guide… ; Parsing HTML with jsoup, a guide for everyone ; Parsing HTML with jsoup, a guide for everyone",
            "'' ; Parsing HTML ; Parsing HTML"})
    void aFirstHeadingThatRepeatsTheTitleBecomesTheTitleAndLeavesTheContent(String title, String h1, String shown) {
        DisplayTitle display = DisplayTitle.of(document(title, new Block.Heading(1, h1), paragraph("Body.")));

        assertThat(display.text()).isEqualTo(shown);
        assertThat(display.blocks()).containsExactly(paragraph("Body."));
    }

    @ParameterizedTest(name = "title \"{0}\", h1 \"{1}\" stays")
    @CsvSource(delimiter = ';', value = {
            "Breaking news today | The Example Times ; News",
            "Well-known facts ; Well",
            "Cooking with Ada ; Chapter one"})
    void aHeadingThatOnlyOccursInTheTitleStaysInTheContent(String title, String h1) {
        DisplayTitle display = DisplayTitle.of(document(title, new Block.Heading(1, h1), paragraph("Body.")));

        assertThat(display.text()).isEqualTo(title);
        assertThat(display.blocks()).hasSize(2);
    }

    @Test
    void onlyTheFirstHeadingIsConsideredAndOnlyAtLevelOne() {
        DisplayTitle second = DisplayTitle.of(document("Intro | Site", new Block.Heading(2, "Contents"),
                new Block.Heading(1, "Intro"), paragraph("Body.")));
        DisplayTitle level2 = DisplayTitle.of(document("Intro | Site", new Block.Heading(2, "Intro")));

        assertThat(second.text()).isEqualTo("Intro | Site");
        assertThat(second.blocks()).hasSize(3);
        assertThat(level2.text()).isEqualTo("Intro | Site");
        assertThat(level2.blocks()).hasSize(1);
    }

    @Test
    void aHeadingAfterALeadImageOrBylineStillCounts() {
        DisplayTitle display = DisplayTitle.of(document("Intro | Site", new Block.Image("https://x.org/i.png", "", ""),
                paragraph("By Ada"), new Block.Heading(1, "Intro"), paragraph("Body.")));

        assertThat(display.text()).isEqualTo("Intro");
        assertThat(display.blocks()).hasSize(3).doesNotContain(new Block.Heading(1, "Intro"));
    }

    @Test
    void withoutATitleOnlyAnOpeningHeadingIsTakenForIt() {
        DisplayTitle opening = DisplayTitle.of(document("", new Block.Heading(1, "Intro"), paragraph("Body.")));
        DisplayTitle deeper = DisplayTitle.of(document("", paragraph("Lead."), new Block.Heading(1, "Intro")));

        assertThat(opening.text()).isEqualTo("Intro");
        assertThat(opening.blocks()).containsExactly(paragraph("Body."));
        assertThat(deeper.text()).isEmpty();
        assertThat(deeper.blocks()).hasSize(2);
    }

    private static Document document(String title, Block... blocks) {
        return new Document(title.isEmpty() ? null : title, "https://x.org/", null, null, List.of(blocks));
    }

    private static Block.Paragraph paragraph(String text) {
        return new Block.Paragraph(List.of(new Inline.Text(text)));
    }
}
