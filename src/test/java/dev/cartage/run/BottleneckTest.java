package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSnapshot;

/** The bottleneck rule of docs/pages.md, stage by stage. */
class BottleneckTest {

    @Test
    void aBusyStageWhoseFeederHasAFullBufferIsTheBottleneck() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 16, 16, 64, 64),
                stage(Stage.MARSHAL, 2, 2, 32, 3),
                stage(Stage.RENDER, 2, 1, 32, 0),
                stage(Stage.DELIVER, 8, 0, 64, 0));

        assertThat(Bottleneck.of(stages)).contains(Stage.MARSHAL);
    }

    @Test
    void aStageThatIsItselfPushedBackIsNotTheBottleneckTheOneDownstreamIs() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 16, 16, 64, 64),
                stage(Stage.MARSHAL, 2, 2, 32, 32),
                stage(Stage.RENDER, 2, 2, 32, 5),
                stage(Stage.DELIVER, 8, 1, 64, 0));

        assertThat(Bottleneck.of(stages)).contains(Stage.RENDER);
    }

    @Test
    void withoutPushbackTheBusiestStageWithAnEmptyBufferIsTheBottleneck() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 16, 15, 64, 0),
                stage(Stage.MARSHAL, 4, 1, 32, 0),
                stage(Stage.RENDER, 4, 0, 32, 0),
                stage(Stage.DELIVER, 8, 1, 64, 0));

        assertThat(Bottleneck.of(stages)).contains(Stage.FETCH);
    }

    @Test
    void aStageWithWaitingItemsIsNotWaitedOn() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 4, 4, 64, 10),
                stage(Stage.MARSHAL, 4, 2, 32, 0),
                stage(Stage.RENDER, 4, 0, 32, 0),
                stage(Stage.DELIVER, 8, 0, 64, 0));

        assertThat(Bottleneck.of(stages)).contains(Stage.MARSHAL);
    }

    @Test
    void onATieTheUpstreamStageIsNamed() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 4, 2, 64, 0),
                stage(Stage.MARSHAL, 4, 2, 32, 0),
                stage(Stage.RENDER, 4, 0, 32, 0),
                stage(Stage.DELIVER, 8, 0, 64, 0));

        assertThat(Bottleneck.of(stages)).contains(Stage.FETCH);
    }

    @Test
    void withoutABufferAStageIsFullWhenItAndTheNextAreBusy() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 4, 4, 0, 0),
                stage(Stage.MARSHAL, 2, 2, 0, 0),
                stage(Stage.RENDER, 4, 1, 32, 0),
                stage(Stage.DELIVER, 8, 0, 64, 0));

        assertThat(Bottleneck.of(stages)).contains(Stage.MARSHAL);
    }

    @Test
    void anIdleOrFinishedPipelineHasNone() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 16, 0, 64, 0),
                stage(Stage.MARSHAL, 2, 0, 32, 0),
                stage(Stage.RENDER, 2, 0, 32, 0),
                stage(Stage.DELIVER, 8, 0, 64, 0));

        assertThat(Bottleneck.of(stages)).isEmpty();
    }

    @Test
    void aSlowConsumerIsNoStagesFault() {
        List<StageSnapshot> stages = List.of(
                stage(Stage.FETCH, 4, 4, 8, 8),
                stage(Stage.MARSHAL, 2, 2, 8, 8),
                stage(Stage.RENDER, 2, 2, 8, 8),
                stage(Stage.DELIVER, 2, 2, 8, 8));

        assertThat(Bottleneck.of(stages)).isEmpty();
    }

    static StageSnapshot stage(Stage stage, int parallelism, long inFlight, int buffer, long queued) {
        return new StageSnapshot(stage, parallelism, buffer, 100, 90, 0, 0, 0, inFlight, queued, 1, inFlight, queued,
                StageSnapshot.Latency.NONE);
    }
}
