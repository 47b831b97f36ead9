package dev.cartage.marshal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark's scoring rule, checked on cases worked out by hand. */
class ShingleScoreTest {

    @Test
    void identicalTextsScoreOne() {
        ShingleScore.Result result = ShingleScore.of(List.of(ShingleScore.page("one two three four five", "one two three four five")));
        assertThat(result.precision()).isEqualTo(1.0);
        assertThat(result.recall()).isEqualTo(1.0);
        assertThat(result.f1()).isEqualTo(1.0);
    }

    @Test
    void extraAndMissingShinglesAreCountedByMultiplicityAndNormalised() {
        // truth: a b c d e → shingles (a b c d), (b c d e); predicted adds "f": (a b c d), (b c d e), (c d e f)
        ShingleScore.Page page = ShingleScore.page("a b c d e f", "a b c d e");
        assertThat(page.tp()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(page.fp()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(page.fn()).isZero();
        ShingleScore.Result result = ShingleScore.of(List.of(page));
        assertThat(result.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(result.recall()).isEqualTo(1.0);
        assertThat(result.f1()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void tokensAreUnicodeWordsAndCaseMatters() {
        assertThat(ShingleScore.shingles("Ünïcode wörds, here! ok")).containsOnlyKeys(List.of("Ünïcode", "wörds", "here", "ok"));
        assertThat(ShingleScore.page("One two three four", "one two three four").tp()).isZero();
    }

    @Test
    void aShortTextIsOneShingleAndAnEmptyPredictionHasNoPrecisionButZeroRecall() {
        assertThat(ShingleScore.shingles("just two")).containsEntry(List.of("just", "two"), 1);
        ShingleScore.Result result = ShingleScore.of(List.of(ShingleScore.page("", "some true text here"),
                ShingleScore.page("a b c d", "a b c d")));
        assertThat(result.precision()).isEqualTo(1.0); // the empty prediction is left out of precision
        assertThat(result.recall()).isEqualTo(0.5);
    }
}
