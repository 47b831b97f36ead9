package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Items that failed before the pipeline (a sitemap the fetch stage could not read becomes one such item) pass
 * every stage untouched; the stage their failure names counts them as failed, the others as completed.
 */
class PreFailedItemsTest {

    @Test
    void aPreFailedItemCountsAsFailedInTheStageItsFailureNamesAndPassesTheOthers() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(StageSpec.<Integer, Integer>io(Stage.FETCH, StageSettings.of(2, 4), n -> Mono.just(n)))
                .then(StageSpec.<Integer, Integer>io(Stage.MARSHAL, StageSettings.of(2, 4), n -> Mono.just(n)))
                .build(false);
        ItemFailure unreadable = ItemFailure.of(Stage.FETCH, FailureType.PARSE, "not a sitemap");

        StepVerifier.create(pipeline.run(Flux.just(Envelope.of(0, "a", 1), Envelope.<Integer>failed(1, "b", unreadable),
                        Envelope.of(2, "c", 3))))
                .expectNextCount(3)
                .verifyComplete();

        List<StageSnapshot> stages = pipeline.snapshot();
        assertThat(stages.get(0)).extracting(StageSnapshot::received, StageSnapshot::completed, StageSnapshot::failed)
                .containsExactly(3L, 2L, 1L);
        assertThat(stages.get(1)).extracting(StageSnapshot::received, StageSnapshot::completed, StageSnapshot::failed)
                .containsExactly(3L, 3L, 0L);
    }
}
