package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How directory delivery names an outcome's file: {@code {seq}-{slug}.{ext}}. */
class DirectoryFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", nullValues = "NULL", value = {
            "Getting Started => https://a.org/x => getting-started",
            "Carts and gophers | The Pike Gazette => https://a.org/x => carts-and-gophers-the-pike-gazette",
            "  Café -- Crème brûlée!  ² => https://a.org/x => cafe-creme-brulee-2",
            "../../etc/passwd => https://a.org/x => etc-passwd",
            "Ünïcödé/\\:*?\"<>| => https://a.org/x => unicode",
            "日本語 => https://a.org/docs/intro.html => intro",
            "NULL => https://a.org/docs/getting-started.html?x=1 => getting-started",
            "'' => https://a.org/docs/guide/ => guide",
            "NULL => inline:release%20notes => release-notes",
            "NULL => https://a.org/ => untitled",
            "--- => NULL => untitled"})
    void theSlugIsTheTitleOrTheSourcesLastSegmentInLowerCaseAscii(String title, String source, String slug) {
        assertThat(OutcomeFileName.slug(title, source)).isEqualTo(slug);
    }

    @Test
    void aLongTitleIsCutAtAWordBoundaryWithinSixtyCharacters() {
        String slug = OutcomeFileName.slug("The quick brown fox jumps over the lazy dog while the cat watches it all", null);

        assertThat(slug).isEqualTo("the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-cat");
        assertThat(OutcomeFileName.slug("x".repeat(200), null)).hasSize(OutcomeFileName.MAX_SLUG);
    }

    @ParameterizedTest
    @CsvSource({"markdown, md", "html, html", "text, txt", "json, json", "card, html"})
    void eachFormatHasItsExtension(String format, String extension) {
        Outcome outcome = new Outcome(42, "https://a.org/x", "ok", format, null, "Getting started", "…", null, null);

        assertThat(OutcomeFileName.of(outcome)).isEqualTo("000042-getting-started." + extension);
    }

    @Test
    void theSeqIsZeroPaddedSoThatNamesSortInSourceOrderAndStaysWholeWhenLarger() {
        Outcome small = new Outcome(7, "https://a.org/a", "ok", "text", null, "A", "…", null, null);
        Outcome large = new Outcome(12_345_678, "https://a.org/a", "ok", "text", null, "A", "…", null, null);

        assertThat(OutcomeFileName.of(small)).isEqualTo("000007-a.txt");
        assertThat(OutcomeFileName.of(large)).isEqualTo("12345678-a.txt");
    }
}
