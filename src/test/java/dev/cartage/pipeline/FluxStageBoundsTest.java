package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The bounds a stage promises: work in flight, items waiting in its buffer, and demand upstream.
 *
 * <p>Every test runs on virtual time (the I/O work's delays and the CPU workers on a {@link VirtualTimeScheduler}),
 * except {@link #cpuWorkersNeverExceedParallelism}: it counts how many CPU workers run at once, which only means
 * something when they run on real threads that can overlap (four of them, more than any {@code parallelism} it
 * checks); on a virtual-time scheduler every task runs one after another on the test thread.
 */
class FluxStageBoundsTest {

    private static final int ITEMS = 2_000;

    @ParameterizedTest(name = "p={0} b={1} ordered={2}")
    @CsvSource({"1,0,false", "1,4,false", "4,16,false", "16,2,false", "3,7,true", "8,0,true", "16,64,true"})
    void neverMoreThanParallelismItemsInWork(int parallelism, int buffer, boolean ordered) {
        ConcurrencyProbe probe = new ConcurrencyProbe();
        StageSpec<Integer, Integer> stage = StageSpec.io(Stage.FETCH, StageSettings.of(parallelism, buffer),
                n -> Mono.delay(Duration.ofMillis(TestItems.delayMillis(1, "work", n, 20)))
                        .thenReturn(n)
                        .doOnSubscribe(s -> probe.enter())
                        // the result is signalled before doFinally would run, and the engine may start the
                        // next item on that signal: leave the probe when the result leaves the work
                        .doOnSuccess(x -> probe.exit())
                        .doOnCancel(probe::exit));
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder().then(stage).build(ordered);

        StepVerifier.withVirtualTime(() -> pipeline.run(TestItems.numbers(ITEMS)))
                .thenAwait(Duration.ofHours(1))
                .expectNextCount(ITEMS)
                .verifyComplete();

        StageSnapshot meter = pipeline.snapshot().get(0);
        assertThat(probe.peak()).isEqualTo(parallelism);
        assertThat(meter.peakInFlight()).isLessThanOrEqualTo(parallelism);
        assertThat(meter.received()).isEqualTo(ITEMS);
        assertThat(meter.completed()).isEqualTo(ITEMS);
    }

    @ParameterizedTest(name = "cpu p={0}")
    @CsvSource({"1", "2", "4"})
    void cpuWorkersNeverExceedParallelism(int parallelism) {
        ConcurrencyProbe probe = new ConcurrencyProbe();
        var cpu = Schedulers.newParallel("test-cpu", 4);
        try {
            StageSpec<Integer, Integer> stage = StageSpec.cpu(Stage.MARSHAL, StageSettings.of(parallelism, 8), cpu, n -> {
                probe.enter();
                try {
                    return spin(n);
                } finally {
                    probe.exit();
                }
            });
            Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder().then(stage).build(false);

            StepVerifier.create(pipeline.run(TestItems.numbers(ITEMS)))
                    .expectNextCount(ITEMS)
                    .verifyComplete();

            assertThat(probe.peak()).isBetween(1, parallelism);
            assertThat(pipeline.snapshot().get(0).peakInFlight()).isLessThanOrEqualTo(parallelism);
        } finally {
            cpu.dispose();
        }
    }

    @ParameterizedTest(name = "buffers {0},{1},{2}")
    @CsvSource({"0,0,0", "1,2,3", "16,4,32", "64,32,8"})
    void neverMoreThanBufferItemsWaitingAfterAStage(int b1, int b2, int b3) {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(delayed(Stage.FETCH, 8, b1, 5))
                .then(delayed(Stage.MARSHAL, 2, b2, 1))
                .then(delayed(Stage.RENDER, 3, b3, 2))
                .build(false);

        // the consumer takes 10 items and then stalls: every pile fills up behind it and must stop at its buffer
        int[] buffers = {b1, b2, b3};
        StepVerifier.withVirtualTime(() -> pipeline.run(TestItems.numbers(500)), 0)
                .thenRequest(10)
                .thenAwait(Duration.ofSeconds(1))
                .expectNextCount(10)
                .thenAwait(Duration.ofSeconds(1))
                .then(() -> {
                    List<StageSnapshot> stalled = pipeline.snapshot();
                    for (int i = 0; i < buffers.length; i++) {
                        assertThat(stalled.get(i).queued()).as(stalled.get(i).stage() + " buffer full").isEqualTo(buffers[i]);
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .thenAwait(Duration.ofMinutes(5))
                .expectNextCount(490)
                .verifyComplete();

        List<StageSnapshot> meters = pipeline.snapshot();
        for (int i = 0; i < buffers.length; i++) {
            assertThat(meters.get(i).peakQueued()).as(meters.get(i).stage().wireName()).isEqualTo(buffers[i]);
            assertThat(meters.get(i).queued()).isZero();
            assertThat(meters.get(i).inFlight()).isZero();
        }
    }

    @ParameterizedTest(name = "ordered={0}")
    @CsvSource({"false", "true"})
    void consumerThatRequestsNothingPullsAtMostTheSumOfParallelismAndBuffer(boolean ordered) {
        AtomicLong pulled = new AtomicLong();
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(delayed(Stage.FETCH, 16, 64, 3))
                .then(delayed(Stage.MARSHAL, 2, 32, 1))
                .then(delayed(Stage.RENDER, 2, 32, 1))
                .then(delayed(Stage.DELIVER, 8, 64, 2))
                .build(ordered);
        long bound = (16 + 64) + (2 + 32) + (2 + 32) + (8 + 64);

        StepVerifier.withVirtualTime(() -> pipeline.run(TestItems.numbers(100_000).doOnNext(x -> pulled.incrementAndGet())), 0)
                .thenAwait(Duration.ofMinutes(10))
                .then(() -> assertThat(pulled.get()).isEqualTo(bound))
                .thenCancel()
                .verify();
    }

    @ParameterizedTest(name = "cpu pipeline ordered={0}")
    @CsvSource({"false", "true"})
    void cpuStagesAlsoBoundTheirDemand(boolean ordered) {
        AtomicLong pulled = new AtomicLong();
        VirtualTimeScheduler cpu = VirtualTimeScheduler.create();
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(StageSpec.<Integer, Integer>cpu(Stage.MARSHAL, StageSettings.of(2, 10), cpu, n -> n))
                .then(StageSpec.<Integer, Integer>cpu(Stage.RENDER, StageSettings.of(3, 5), cpu, n -> n))
                .build(ordered);

        StepVerifier.create(pipeline.run(TestItems.numbers(100_000).doOnNext(x -> pulled.incrementAndGet())), 0)
                // runs the workers' tasks, and the tasks they schedule, until the stages have nothing left to do
                .then(() -> cpu.advanceTimeBy(Duration.ofSeconds(1)))
                .then(() -> {
                    assertThat(pipeline.snapshot().get(0).queued()).isEqualTo(10);
                    assertThat(pipeline.snapshot().get(1).queued()).isEqualTo(5);
                    assertThat(pulled.get()).isEqualTo(2 + 10 + 3 + 5);
                })
                .thenCancel()
                .verify();
    }

    @ParameterizedTest(name = "p={0} b={1}")
    @CsvSource({"1024,64", "64,8", "16,0", "4,1024"})
    void demandUpstreamNeverExceedsTheBuffer(int parallelism, int buffer) {
        AtomicLong outstanding = new AtomicLong();
        AtomicLong peakOutstanding = new AtomicLong();
        Flux<Envelope<Integer>> source = TestItems.numbers(5_000)
                .doOnRequest(n -> peakOutstanding.accumulateAndGet(outstanding.addAndGet(n), Math::max))
                .doOnNext(x -> outstanding.decrementAndGet());
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(delayed(Stage.FETCH, parallelism, buffer, 20))
                .build(false);

        StepVerifier.withVirtualTime(() -> pipeline.run(source))
                .thenAwait(Duration.ofHours(1))
                .expectNextCount(5_000)
                .verifyComplete();

        assertThat(peakOutstanding.get()).isBetween(1L, (long) Math.min(parallelism, Math.max(1, buffer)));
        assertThat(pipeline.snapshot().get(0).peakInFlight()).isEqualTo(parallelism);
    }

    private static StageSpec<Integer, Integer> delayed(Stage stage, int parallelism, int buffer, int maxMillis) {
        return StageSpec.io(stage, StageSettings.of(parallelism, buffer),
                n -> Mono.delay(Duration.ofMillis(1 + TestItems.delayMillis(7, stage.wireName(), n, maxMillis))).thenReturn(n));
    }

    private static int spin(int n) {
        int x = n;
        for (int i = 0; i < 2_000; i++) {
            x = x * 31 + i;
        }
        return x == 42 ? 0 : n;
    }
}
