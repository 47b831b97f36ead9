package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

import reactor.core.Disposables;
import reactor.core.Scannable;
import reactor.core.Scannable.Attr;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;
import reactor.test.subscriber.TestSubscriber;

/** What a stage tells tooling through {@link Scannable}, as Reactor's own operators do. */
class StageSubscriberScanTest {

    private static final StageSettings SETTINGS = StageSettings.of(2, 4);

    @Test
    void theOperatorReportsItsSourceItsPrefetchAndThatItIsAsync() {
        Flux<Envelope<Integer>> source = TestItems.numbers(3);
        Flux<Envelope<Integer>> stage = pipeline(false).run(source);

        Scannable scanned = Scannable.from(stage);
        assertThat(scanned.scan(Attr.PARENT)).isSameAs(source);
        assertThat(scanned.scan(Attr.PREFETCH)).as("one per worker, at most the buffer").isEqualTo(2);
        assertThat(scanned.scan(Attr.RUN_STYLE)).isEqualTo(Attr.RunStyle.ASYNC);
        assertThat(Scannable.from(Pipeline.<Integer>builder().then(cpu(StageSettings.of(8, 0))).build(false)
                .run(source)).scan(Attr.PREFETCH)).as("a stage without a buffer still pulls one").isEqualTo(1);
    }

    @Test
    void theSubscriberReportsDemandBufferAndCompletionAsTheRunGoes() {
        TestPublisher<Envelope<Integer>> source = TestPublisher.create();
        TestSubscriber<Envelope<Integer>> consumer = TestSubscriber.builder().initialRequest(0).build();
        pipeline(false).run(source.flux()).subscribe(consumer);
        Scannable stage = stageOf(consumer);

        assertThat(stage.scan(Attr.ACTUAL)).isSameAs(consumer);
        assertThat(stage.scan(Attr.PARENT)).isNotNull();
        assertThat(stage.name()).isEqualTo("marshal");
        assertThat(stage.scan(Attr.PREFETCH)).isEqualTo(2);
        assertThat(stage.scan(Attr.CAPACITY)).isEqualTo(4);
        assertThat(stage.scan(Attr.RUN_STYLE)).isEqualTo(Attr.RunStyle.ASYNC);

        source.next(item(0), item(1));
        assertThat(stage.scan(Attr.BUFFERED)).as("finished, nobody asked yet").isEqualTo(2);
        consumer.request(5);
        assertThat(stage.scan(Attr.BUFFERED)).isZero();
        assertThat(stage.scan(Attr.REQUESTED_FROM_DOWNSTREAM)).isEqualTo(3L);
        assertThat(stage.scan(Attr.TERMINATED)).isFalse();

        source.complete();
        assertThat(stage.scan(Attr.TERMINATED)).isTrue();
        assertThat(stage.scan(Attr.CANCELLED)).isFalse();
        assertThat(stage.scan(Attr.ERROR)).isNull();
    }

    @Test
    void theSubscriberReportsTheFailureThatEndedIt() {
        TestPublisher<Envelope<Integer>> source = TestPublisher.create();
        TestSubscriber<Envelope<Integer>> consumer = TestSubscriber.create();
        pipeline(true).run(source.flux()).subscribe(consumer);
        StageSubscriber<?, ?> stage = (StageSubscriber<?, ?>) stageOf(consumer);
        RejectedExecutionException rejected = new RejectedExecutionException("scheduler shut down");

        stage.workRejected(rejected);

        assertThat(stage.scan(Attr.ERROR)).isSameAs(rejected);
        assertThat(stage.scan(Attr.TERMINATED)).isTrue();
        assertThat(consumer.expectTerminalError()).isSameAs(rejected);
    }

    @Test
    void theSubscriberReportsCancelAndNotTermination() {
        TestPublisher<Envelope<Integer>> source = TestPublisher.create();
        TestSubscriber<Envelope<Integer>> consumer = TestSubscriber.create();
        pipeline(false).run(source.flux()).subscribe(consumer);
        Scannable stage = stageOf(consumer);

        consumer.cancel();

        assertThat(stage.scan(Attr.CANCELLED)).isTrue();
        assertThat(stage.scan(Attr.TERMINATED)).isFalse();
        source.assertCancelled();
    }

    @Test
    void anAsyncItemReportsItsStageAndHowItSettled() {
        TestSubscriber<Envelope<Integer>> consumer = TestSubscriber.create();
        StageSubscriber<Integer, Integer> stage = new StageSubscriber<>(consumer,
                new StagePlan<>(Stage.MARSHAL, SETTINGS, false, cpu(SETTINGS).work(), new StageMeter(Stage.MARSHAL, 2, 4)));
        AsyncItem<Integer, Integer> working = new AsyncItem<>(stage, Disposables.composite(), item(0), 0);
        AsyncItem<Integer, Integer> finished = new AsyncItem<>(stage, Disposables.composite(), item(1), 1);
        TestPublisher<Envelope<Integer>> work = TestPublisher.create();
        work.flux().subscribe(working);
        work.flux().subscribe(finished);

        finished.onNext(item(1));
        working.dispose();

        assertThat(working.scan(Attr.ACTUAL)).isSameAs(stage);
        assertThat(working.scan(Attr.PARENT)).isNotNull();
        assertThat(working.scan(Attr.CANCELLED)).isTrue();
        assertThat(finished.scan(Attr.TERMINATED)).isTrue();
        assertThat(finished.scan(Attr.CANCELLED)).isFalse();
    }

    private static Scannable stageOf(TestSubscriber<?> consumer) {
        return Scannable.from(consumer).parents().filter(StageSubscriber.class::isInstance).findFirst().orElseThrow();
    }

    private static Pipeline<Integer, Integer> pipeline(boolean ordered) {
        return Pipeline.<Integer>builder().then(cpu(SETTINGS)).build(ordered);
    }

    private static StageSpec<Integer, Integer> cpu(StageSettings settings) {
        return StageSpec.cpu(Stage.MARSHAL, settings, Schedulers.immediate(), n -> n);
    }

    private static Envelope<Integer> item(int n) {
        return Envelope.of(n, "item-" + n, n);
    }
}
