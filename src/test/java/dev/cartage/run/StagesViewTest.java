package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSnapshot;

/** The stage picture's geometry and words: capped gophers, the busy share, the buffer's fill, throughput. */
class StagesViewTest {

    @Test
    void atMostSixteenGophersAreDrawnTheRestAsPlusN() {
        StagesView view = StagesView.of(List.of(BottleneckTest.stage(Stage.FETCH, 64, 32, 64, 16)), Duration.ofSeconds(1));

        StagesView.Row fetch = view.stages().get(0);
        assertThat(fetch.gophers()).hasSize(StagesView.MAX_GOPHERS);
        assertThat(fetch.moreGophers()).isEqualTo(48);
        assertThat(fetch.gophers().stream().filter(StagesView.Gopher::busy)).as("half busy, half drawn busy").hasSize(8);
        assertThat(fetch.bufferFill()).isEqualTo(fetch.bufferWidth() / 4);
    }

    @Test
    void theBusyGophersAreTheInFlightItems() {
        StagesView.Row row = StagesView.of(List.of(BottleneckTest.stage(Stage.RENDER, 4, 3, 0, 0)), Duration.ofSeconds(1))
                .stages().get(0);

        assertThat(row.gophers()).extracting(StagesView.Gopher::busy).containsExactly(true, true, true, false);
        assertThat(row.moreGophers()).isZero();
        assertThat(row.bufferFill()).as("no buffer, nothing to fill").isZero();
    }

    @Test
    void throughputIsCompletedItemsPerSecondSinceTheStartAndLatencyIsShownOnceKnown() {
        StageSnapshot deliver = new StageSnapshot(Stage.DELIVER, 8, 64, 200, 150, 0, 0, 0, 0, 0, 0, 8, 3,
                new StageSnapshot.Latency(4.25, 31.6, 40));

        StagesView.Row row = StagesView.of(List.of(deliver), Duration.ofSeconds(4)).stages().get(0);

        assertThat(row.throughput()).isEqualTo("37.5");
        assertThat(row.p50()).isEqualTo("4.3");
        assertThat(row.p95()).isEqualTo("32");
        assertThat(BottleneckTest.stage(Stage.FETCH, 1, 0, 0, 0).latency()).isEqualTo(StageSnapshot.Latency.NONE);
        assertThat(StagesView.of(List.of(BottleneckTest.stage(Stage.FETCH, 1, 0, 0, 0)), Duration.ZERO).stages().get(0).p50())
                .isEqualTo("–");
    }

    @Test
    void theTitleSaysWhatThePictureShows() {
        StagesView view = StagesView.of(List.of(
                BottleneckTest.stage(Stage.FETCH, 16, 16, 64, 64),
                BottleneckTest.stage(Stage.MARSHAL, 2, 2, 32, 0)), Duration.ofSeconds(1));

        assertThat(view.summary()).contains("fetch: 16 of 16 workers busy, 64 of 64 buffered", "Bottleneck: marshal.");
        assertThat(view.bottleneck()).isEqualTo("marshal");
        assertThat(view.stages().get(1).bottleneck()).isTrue();
    }
}
