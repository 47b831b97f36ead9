package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** What each overflow policy does when finished items outrun the pile, and when a source ignores demand. */
class FluxStageOverflowTest {

    private static final int ITEMS = 100;
    private static final int BUFFER = 10;

    @Test
    void backpressureHoldsItemsAndSlowsTheSourceInstead() {
        Pipeline<Integer, Integer> pipeline = oneStage(Overflow.BACKPRESSURE);

        List<Envelope<Integer>> outcomes = stallThenDrain(pipeline, TestItems.numbers(ITEMS),
                () -> assertThat(pipeline.snapshot().get(0).received()).isEqualTo(4 + BUFFER));

        assertThat(outcomes).hasSize(ITEMS).noneMatch(Envelope::isFailed);
        assertThat(pipeline.snapshot().get(0).dropped()).isZero();
    }

    @Test
    void dropNewestKeepsTheFirstItemsAndShedsTheRestAsDroppedOutcomes() {
        Pipeline<Integer, Integer> pipeline = oneStage(Overflow.DROP_NEWEST);

        List<Envelope<Integer>> outcomes = stallThenDrain(pipeline, TestItems.numbers(ITEMS),
                () -> assertThat(pipeline.snapshot().get(0).received()).as("the source was not slowed").isEqualTo(ITEMS));

        assertThat(outcomes).hasSize(ITEMS);
        assertThat(outcomes).filteredOn(o -> !o.isFailed()).extracting(Envelope::seq)
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertDroppedAreRecorded(pipeline, outcomes, ITEMS - BUFFER);
    }

    @Test
    void dropOldestEvictsWaitingItemsSoTheNewestSurvive() {
        Pipeline<Integer, Integer> pipeline = oneStage(Overflow.DROP_OLDEST);

        List<Envelope<Integer>> outcomes = stallThenDrain(pipeline, TestItems.numbers(ITEMS), () -> { });

        assertThat(outcomes).hasSize(ITEMS);
        assertThat(outcomes).filteredOn(o -> !o.isFailed()).extracting(Envelope::seq)
                .containsExactlyInAnyOrder(90L, 91L, 92L, 93L, 94L, 95L, 96L, 97L, 98L, 99L);
        assertDroppedAreRecorded(pipeline, outcomes, ITEMS - BUFFER);
    }

    @Test
    void errorFailsTheRunWhenThePileOverflows() {
        Pipeline<Integer, Integer> pipeline = oneStage(Overflow.ERROR);

        StepVerifier.create(pipeline.run(TestItems.numbers(ITEMS)), 0)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(StageOverflowException.class)
                        .hasMessageContaining("buffer of 10 was full"))
                .verify();
    }

    @Test
    void aPushSourceThatIgnoresDemandFailsTheRunUnderBackpressure() {
        Pipeline<Integer, Integer> pipeline = oneStage(Overflow.BACKPRESSURE);

        StepVerifier.create(pipeline.run(pushSource(ITEMS)), 0)
                .expectErrorSatisfies(error -> assertThat(Exceptions.isOverflow(error)).isTrue())
                .verify();
    }

    @Test
    void aPushSourceIsShedUnderDropNewestAndEveryItemStillYieldsAnOutcome() {
        Pipeline<Integer, Integer> pipeline = oneStage(Overflow.DROP_NEWEST);

        List<Envelope<Integer>> outcomes = stallThenDrain(pipeline, pushSource(ITEMS), () -> { });

        assertThat(outcomes).hasSize(ITEMS);
        assertThat(outcomes).extracting(Envelope::seq).doesNotHaveDuplicates();
        assertDroppedAreRecorded(pipeline, outcomes, outcomes.stream().filter(Envelope::isFailed).count());
        assertThat(outcomes.stream().filter(Envelope::isFailed).count()).isPositive();
    }

    @Test
    void orderedDropsKeepSourceOrderForSurvivorsAndNotices() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(immediate(Overflow.DROP_OLDEST))
                .build(true);

        List<Envelope<Integer>> outcomes = stallThenDrain(pipeline, TestItems.numbers(ITEMS), () -> { });

        assertThat(outcomes).extracting(Envelope::seq).hasSize(ITEMS).isSorted();
    }

    private static void assertDroppedAreRecorded(Pipeline<Integer, Integer> pipeline, List<Envelope<Integer>> outcomes,
                                                 long expectedDropped) {
        StageSnapshot meter = pipeline.snapshot().get(0);
        List<Envelope<Integer>> dropped = outcomes.stream().filter(Envelope::isFailed).toList();
        assertThat(dropped).hasSize((int) expectedDropped)
                .allSatisfy(o -> assertThat(o.failure().type()).isEqualTo(FailureType.DROPPED));
        assertThat(meter.dropped()).isEqualTo(expectedDropped);
        assertThat(meter.received()).isEqualTo(meter.completed() + meter.failed() + meter.dropped() + meter.cancelled() + meter.inFlight());
        assertThat(meter.peakQueued()).isLessThanOrEqualTo(BUFFER);
    }

    /** Subscribes without demand, checks {@code whileStalled}, then reads everything. */
    private static List<Envelope<Integer>> stallThenDrain(Pipeline<Integer, Integer> pipeline,
                                                          Flux<Envelope<Integer>> source, Runnable whileStalled) {
        List<Envelope<Integer>> outcomes = new ArrayList<>();
        StepVerifier.create(pipeline.run(source), 0)
                .then(whileStalled)
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(x -> true, outcomes::add)
                .verifyComplete();
        return outcomes;
    }

    private static Pipeline<Integer, Integer> oneStage(Overflow overflow) {
        return Pipeline.<Integer>builder().then(immediate(overflow)).build(false);
    }

    /** CPU work that runs where it is called, so that the tests are exact without timing. */
    private static StageSpec<Integer, Integer> immediate(Overflow overflow) {
        return StageSpec.cpu(Stage.RENDER, StageSettings.of(4, BUFFER).withOverflow(overflow), Schedulers.immediate(), n -> n);
    }

    private static Flux<Envelope<Integer>> pushSource(int count) {
        return Flux.<Envelope<Integer>>create(sink -> {
            for (int n = 0; n < count; n++) {
                sink.next(Envelope.of(n, "pushed-" + n, n));
            }
            sink.complete();
        }, FluxSink.OverflowStrategy.IGNORE);
    }
}
