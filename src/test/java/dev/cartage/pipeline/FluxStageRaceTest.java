package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import reactor.core.Scannable;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;
import reactor.test.subscriber.TestSubscriber;
import reactor.test.util.RaceTestUtils;
import reactor.util.context.Context;

/**
 * Signals that reach a stage from different threads at once: cancel, completion, failures, items and finishing
 * work. Each race runs {@value #ROUNDS} times on real threads ({@link RaceTestUtils}), because a race only shows
 * up when the threads really overlap. Every round checks the same promises: at most one terminal signal and never
 * a protocol error, every item either delivered or handed to the discard hook exactly once, and counters that add
 * up ({@code received = completed + failed + dropped + cancelled + inFlight}) with nothing left in the stage.
 */
class FluxStageRaceTest {

    private static final int ROUNDS = 5_000;

    private final Queue<Throwable> droppedErrors = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void recordDroppedErrors() {
        Hooks.onErrorDropped(droppedErrors::add);
    }

    @AfterEach
    void resetHooks() {
        Hooks.resetOnErrorDropped();
    }

    @ParameterizedTest(name = "ordered={0}")
    @ValueSource(booleans = {false, true})
    void cancelRacingCompletionEndsTheStageOnceAndLeaksNothing(boolean ordered) {
        for (int round = 0; round < ROUNDS; round++) {
            // every other round the consumer takes one item only, so the other one waits in the buffer
            Round stage = Round.cpu(ordered, TestPublisher.create(), round % 2 == 0 ? Long.MAX_VALUE : 1);
            stage.source.next(item(0), item(1));

            RaceTestUtils.race(stage.downstream::cancel, stage.source::complete);

            assertThat(stage.downstream.isTerminatedError()).isFalse();
            if (stage.downstream.isTerminatedComplete()) {
                assertThat(stage.delivered()).containsExactly(0L, 1L);
            }
            stage.assertEveryItemEndedOnce(2);
            stage.assertCountersAddUpAndStageIsEmpty();
        }
        assertThat(droppedErrors).isEmpty();
    }

    @Test
    void failureRacingCompletionSignalsExactlyOneOfThem() {
        for (int round = 0; round < ROUNDS; round++) {
            Round stage = Round.cpu(false, TestPublisher.create(), Long.MAX_VALUE);
            stage.source.next(item(0));
            RejectedExecutionException rejected = new RejectedExecutionException("scheduler shut down");
            StageSubscriber<?, ?> subscriber = stage.subscriber();

            // the path a CPU worker takes when the scheduler refuses to run it again, racing upstream's completion
            RaceTestUtils.race(stage.source::complete, () -> subscriber.workRejected(rejected));

            assertThat(stage.downstream.isTerminated()).isTrue();
            if (stage.downstream.isTerminatedError()) {
                assertThat(stage.downstream.expectTerminalError()).isSameAs(rejected);
                assertThat(droppedErrors).isEmpty();
            } else {
                assertThat(droppedErrors).containsExactly(rejected);
            }
            assertThat(stage.delivered()).containsExactly(0L);
            stage.assertEveryItemEndedOnce(1);
            stage.assertCountersAddUpAndStageIsEmpty();
            droppedErrors.clear();
        }
    }

    @Test
    void twoFailuresRacingSignalOneAndDropTheOther() {
        for (int round = 0; round < ROUNDS; round++) {
            // a source that still signals its error after the stage cancelled it on the other failure
            Round stage = Round.cpu(false,
                    TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION), Long.MAX_VALUE);
            IllegalStateException upstreamFailed = new IllegalStateException("source broke");
            RejectedExecutionException rejected = new RejectedExecutionException("scheduler shut down");
            StageSubscriber<?, ?> subscriber = stage.subscriber();

            RaceTestUtils.race(() -> stage.source.error(upstreamFailed), () -> subscriber.workRejected(rejected));

            Throwable signalled = stage.downstream.expectTerminalError();
            assertThat(signalled).isIn(upstreamFailed, rejected);
            assertThat(droppedErrors).containsExactly(signalled == rejected ? upstreamFailed : rejected);
            assertThat(stage.downstream.getProtocolErrors()).isEmpty();
            droppedErrors.clear();
        }
    }

    @ParameterizedTest(name = "ordered={0}")
    @ValueSource(booleans = {false, true})
    void itemRacingCancelIsDeliveredOrDiscardedOnceAndNothingFollowsTheCancel(boolean ordered) {
        for (int round = 0; round < ROUNDS; round++) {
            // a source that goes on sending after cancel, as a slow one may: the stage must not pass that on
            Round stage = Round.cpu(ordered,
                    TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION), Long.MAX_VALUE);

            RaceTestUtils.race(() -> stage.source.next(item(0)), stage.downstream::cancel);
            stage.source.next(item(1));

            // an item already being handed over when cancel arrives may still land (Reactive Streams 3.12)
            assertThat(stage.delivered()).isSubsetOf(0L);
            assertThat(stage.downstream.getReceivedOnNextAfterCancellation())
                    .extracting(Envelope::seq).doesNotContain(1L);
            assertThat(stage.downstream.getTerminalSignal()).isNull();
            stage.assertEveryItemEndedOnce(2);
            stage.assertCountersAddUpAndStageIsEmpty();
        }
        assertThat(droppedErrors).isEmpty();
    }

    @Test
    void cancelRacingAsyncResultsReleasesEveryItemOnce() {
        int parallelism = 4;
        for (int round = 0; round < ROUNDS / 2; round++) {
            List<Sinks.One<Integer>> results = new ArrayList<>();
            for (int n = 0; n < parallelism; n++) {
                results.add(Sinks.one());
            }
            StageSpec<Integer, Integer> spec = StageSpec.io(Stage.FETCH, StageSettings.of(parallelism, parallelism),
                    n -> results.get(n).asMono());
            Round stage = Round.of(spec, false, TestPublisher.create(), Long.MAX_VALUE);
            for (int n = 0; n < parallelism; n++) {
                stage.source.next(item(n));
            }

            RaceTestUtils.race(() -> results.forEach(result -> result.tryEmitValue(7)), stage.downstream::cancel);

            stage.assertEveryItemEndedOnce(parallelism);
            stage.assertCountersAddUpAndStageIsEmpty();
        }
        assertThat(droppedErrors).isEmpty();
    }

    private static Envelope<Integer> item(int n) {
        return Envelope.of(n, "item-" + n, n);
    }

    /** One stage between a {@link TestPublisher} and a {@link TestSubscriber} that records what it discards. */
    private record Round(TestPublisher<Envelope<Integer>> source, TestSubscriber<Envelope<Integer>> downstream,
                         Pipeline<Integer, Integer> pipeline, Queue<Long> discarded) {

        /** CPU work that runs where it is called, so that the only threads are the ones racing. */
        static Round cpu(boolean ordered, TestPublisher<Envelope<Integer>> source, long demand) {
            return of(StageSpec.cpu(Stage.MARSHAL, StageSettings.of(2, 4), Schedulers.immediate(), n -> n), ordered, source,
                    demand);
        }

        static Round of(StageSpec<Integer, Integer> spec, boolean ordered, TestPublisher<Envelope<Integer>> source,
                        long demand) {
            Queue<Long> discarded = new ConcurrentLinkedQueue<>();
            // the work's own operators discard through the same hook (a result that came too late): only items count
            Context discardHook = Operators.enableOnDiscard(Context.empty(), discardedItem -> {
                if (discardedItem instanceof Envelope<?> item) {
                    discarded.add(item.seq());
                }
            });
            TestSubscriber<Envelope<Integer>> downstream = TestSubscriber.builder()
                    .initialRequest(demand)
                    .contextPutAll(discardHook)
                    .build();
            Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder().then(spec).build(ordered);
            pipeline.run(source.flux()).subscribe(downstream);
            return new Round(source, downstream, pipeline, discarded);
        }

        /** The stage's subscriber, found the way tooling finds it: by scanning up from the consumer. */
        StageSubscriber<?, ?> subscriber() {
            return (StageSubscriber<?, ?>) Scannable.from(downstream).parents()
                    .filter(StageSubscriber.class::isInstance)
                    .findFirst().orElseThrow();
        }

        List<Long> delivered() {
            return downstream.getReceivedOnNext().stream().map(Envelope::seq).toList();
        }

        void assertEveryItemEndedOnce(int items) {
            assertThat(downstream.getProtocolErrors()).isEmpty();
            List<Long> ended = new ArrayList<>(delivered());
            ended.addAll(discarded);
            assertThat(ended).as("delivered %s, discarded %s", delivered(), discarded)
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, items).boxed().toList());
        }

        void assertCountersAddUpAndStageIsEmpty() {
            StageSnapshot meter = pipeline.snapshot().get(0);
            assertThat(meter.received()).as("%s", meter)
                    .isEqualTo(meter.completed() + meter.failed() + meter.dropped() + meter.cancelled()
                            + meter.inFlight());
            assertThat(meter.inFlight() + meter.queued()).as("%s", meter).isZero();
        }
    }
}
