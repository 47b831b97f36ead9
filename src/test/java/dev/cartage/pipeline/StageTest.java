package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class StageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theStagesRunInPipelineOrderUnderTheirApiNames() {
        assertThat(Arrays.stream(Stage.values()).map(Stage::wireName))
                .containsExactly("fetch", "marshal", "render", "deliver");
    }

    @Test
    void everyWireNameFindsItsStageAndOtherNamesFindNone() {
        for (Stage stage : Stage.values()) {
            assertThat(Stage.fromWireName(stage.wireName())).contains(stage);
        }
        assertThat(Stage.fromWireName("Fetch")).isEmpty();
        assertThat(Stage.fromWireName("crawl")).isEmpty();
    }

    @Test
    void aSnapshotShowsItsStageAsTheNameItAlwaysHad() {
        StageSnapshot snapshot = new StageMeter(Stage.RENDER, 2, 32).snapshot();

        String json = JSON.writeValueAsString(snapshot);

        assertThat(json).startsWith("{\"name\":\"render\",\"parallelism\":2,\"buffer\":32,");
        assertThat(JSON.readValue(json, StageSnapshot.class)).isEqualTo(snapshot);
    }
}
