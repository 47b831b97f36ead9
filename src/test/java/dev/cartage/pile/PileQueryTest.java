package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PileQueryTest {

    @ParameterizedTest
    @CsvSource({"20ms, 20ms", "1s, 1s", "1000ms, 1s", "250, 250ms", "PT0.5S, 500ms", "1500us, 1500us",
            "0, 0ms", "' 2s ', 2s"})
    void latencyIsReadAndWrittenAsTheUrlsCarryIt(String text, String canonical) {
        PileQuery query = PileQuery.of(1, text, 0, 1);

        assertThat(query.latencyText()).isEqualTo(canonical);
        assertThat(Latency.parse(canonical)).isEqualTo(query.latency());
    }

    @Test
    void missingLatencyIsNoLatency() {
        assertThat(PileQuery.of(1, null, 0, 1).latency()).isZero();
        assertThat(new PileQuery(1, null, 0, 1).latency()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "1.5s", "20 ms", "10 parsecs"})
    void unreadableLatencyNamesTheField(String latency) {
        assertThatThrownBy(() -> PileQuery.of(1, latency, 0, 1))
                .isInstanceOf(PileQueryException.class)
                .hasMessageContaining("20ms")
                .satisfies(e -> assertThat(((PileQueryException) e).field()).isEqualTo("latency"));
    }

    @Test
    void negativeValuesAreRefusedWithTheirField() {
        assertThatThrownBy(() -> PileQuery.of(-1)).isInstanceOf(PileQueryException.class)
                .satisfies(e -> assertThat(((PileQueryException) e).field()).isEqualTo("count"));
        assertThatThrownBy(() -> PileQuery.of(1, "-5ms", 0, 1)).isInstanceOf(PileQueryException.class)
                .satisfies(e -> assertThat(((PileQueryException) e).field()).isEqualTo("latency"));
        assertThatThrownBy(() -> new PileQuery(1, Duration.ZERO, -3, 1)).isInstanceOf(PileQueryException.class)
                .satisfies(e -> assertThat(((PileQueryException) e).field()).isEqualTo("failEvery"));
    }

    @Test
    void failEveryThreeFailsPagesTwoFiveAndEight() {
        PileQuery query = new PileQuery(9, Duration.ZERO, 3, 1);

        assertThat(IntStream.range(0, 9).filter(query::failsAt)).containsExactly(2, 5, 8);
    }

    @Test
    void failEveryOneFailsEveryPageAndZeroNone() {
        assertThat(IntStream.range(0, 5).allMatch(new PileQuery(5, Duration.ZERO, 1, 1)::failsAt)).isTrue();
        assertThat(IntStream.range(0, 5).noneMatch(PileQuery.of(5)::failsAt)).isTrue();
    }

    @Test
    void parametersAreInTheDocumentedOrder() {
        PileQuery query = PileQuery.of(10, "20ms", 4, 9);

        assertThat(query.pageParameters()).isEqualTo("seed=9&latency=20ms&failEvery=4");
        assertThat(query.listParameters()).isEqualTo("count=10&seed=9&latency=20ms&failEvery=4");
    }
}
