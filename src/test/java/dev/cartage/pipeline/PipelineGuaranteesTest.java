package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * What the whole pipeline promises: one outcome per item, order when asked, clean cancel, same results on one thread.
 *
 * <p>Order and cancel run on virtual time. Two tests run on real threads on purpose:
 * {@link #everyItemYieldsExactlyOneOutcomeDespiteFailuresInEveryStage} checks that the counters stay exact while
 * results come back on several threads at once and the drain loop moves between them, which a single virtual-time
 * thread never does; {@link #oneThreadAndManyThreadsGiveTheSameOutcomes} compares one thread with four, so the
 * four must be real. Cancel racing other signals on real threads is {@link FluxStageRaceTest}'s subject.
 */
class PipelineGuaranteesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyItemYieldsExactlyOneOutcomeDespiteFailuresInEveryStage(long seed) {
        int items = 10_000;
        Scheduler cpu = Schedulers.newParallel("test-cpu", 2);
        try {
            Pipeline<Integer, Integer> pipeline = fourStages(seed, cpu, cpu, 0.05, false);
            List<Envelope<Integer>> outcomes = pipeline.run(TestItems.numbers(items)).collectList()
                    .block(Duration.ofMinutes(2));

            assertThat(outcomes).hasSize(items);
            Set<Long> seqs = new HashSet<>();
            outcomes.forEach(o -> assertThat(seqs.add(o.seq())).as("seq %d once", o.seq()).isTrue());
            assertThat(seqs).hasSize(items);

            List<StageSnapshot> meters = pipeline.snapshot();
            long failuresSeen = outcomes.stream().filter(Envelope::isFailed).count();
            assertThat(meters.stream().mapToLong(StageSnapshot::failed).sum()).isEqualTo(failuresSeen);
            for (StageSnapshot meter : meters) {
                assertThat(meter.received()).as(meter.stage().wireName()).isEqualTo(items);
                assertThat(meter.received()).isEqualTo(meter.completed() + meter.failed() + meter.dropped() + meter.cancelled() + meter.inFlight());
                assertThat(meter.failed()).as("failures were injected in " + meter.stage()).isPositive();
                long failedHere = outcomes.stream()
                        .filter(o -> o.isFailed() && o.failure().stage() == meter.stage()).count();
                assertThat(meter.failed()).isEqualTo(failedHere);
            }
            outcomes.stream().filter(Envelope::isFailed).forEach(o -> {
                String stage = o.failure().stage().wireName();
                assertThat(TestItems.shouldFail(seed, stage, (int) o.seq(), 0.05)).isTrue();
            });
        } finally {
            cpu.dispose();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4, 32})
    void orderedRunsKeepSourceOrder(int parallelism) {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(jittery(Stage.FETCH, parallelism, 3))
                .then(jittery(Stage.MARSHAL, parallelism, 0))
                .then(jittery(Stage.RENDER, 2, 5))
                .then(jittery(Stage.DELIVER, parallelism, 1))
                .build(true);

        StepVerifier.withVirtualTime(() -> pipeline.run(TestItems.numbers(3_000)).map(Envelope::seq))
                .thenAwait(Duration.ofHours(1))
                .recordWith(ArrayList::new)
                .thenConsumeWhile(seq -> true)
                .consumeRecordedWith(seqs -> assertThat(new ArrayList<>(seqs)).hasSize(3_000).isSorted())
                .verifyComplete();
    }

    @Test
    void unorderedRunsLetFastItemsOvertakeSlowOnes() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder().then(jittery(Stage.FETCH, 8, 20)).build(false);

        StepVerifier.withVirtualTime(() -> pipeline.run(TestItems.numbers(200)).map(Envelope::seq))
                .thenAwait(Duration.ofHours(1))
                .recordWith(ArrayList::new)
                .thenConsumeWhile(seq -> true)
                .consumeRecordedWith(seqs -> assertThat(new ArrayList<>(seqs))
                        .hasSize(200)
                        .doesNotHaveDuplicates()
                        .isNotEqualTo(new ArrayList<>(seqs).stream().sorted().toList()))
                .verifyComplete();
    }

    @Test
    void cancellingMidRunStopsEveryStageAndReleasesEveryItem() {
        AtomicLong acquired = new AtomicLong();
        AtomicLong released = new AtomicLong();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger sourceCancelled = new AtomicInteger();
        // the delays and the CPU workers all run on one virtual clock, advanced by the test
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        // fetch acquires a resource per item; whoever ends the item's life releases it: deliver, or a discard
        Pipeline<Integer, Resource> pipeline = Pipeline.<Integer>builder()
                .then(StageSpec.<Integer, Resource>io(Stage.FETCH, StageSettings.of(16, 8), n -> Mono.delay(Duration.ofMillis(5), time)
                        .map(x -> new Resource(n, acquired, released))
                        .doOnSubscribe(s -> started.incrementAndGet())))
                .then(StageSpec.<Resource, Resource>cpu(Stage.MARSHAL, StageSettings.of(2, 8), time, r -> r))
                .then(StageSpec.<Resource, Resource>io(Stage.RENDER, StageSettings.of(4, 8),
                        r -> Mono.delay(Duration.ofMillis(3), time).thenReturn(r)))
                .then(StageSpec.<Resource>sink(Stage.DELIVER, StageSettings.of(4, 8), item -> Mono.delay(Duration.ofMillis(20), time)
                        .then(Mono.fromRunnable(() -> item.payload().release()))))
                .build(false);

        Flux<Envelope<Resource>> run = pipeline.run(TestItems.numbers(100_000).doOnCancel(sourceCancelled::incrementAndGet))
                .doOnDiscard(Envelope.class, PipelineGuaranteesTest::releaseIfHeld);

        StepVerifier.create(run, 50)
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
                .expectNextCount(50)
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        int startedAtCancel = started.get();
        // anything still scheduled would run now: nothing may start, and every resource is back already
        time.advanceTimeBy(Duration.ofHours(1));
        assertThat(released.get()).isEqualTo(acquired.get());
        assertThat(sourceCancelled.get()).isEqualTo(1);
        assertThat(acquired.get()).isGreaterThan(50);
        assertThat(started.get()).as("no work starts after cancel").isEqualTo(startedAtCancel);
        // the final counters show empty stages: abandoned work counts as cancelled, and every item is counted once
        assertThat(pipeline.snapshot()).allSatisfy(stage -> {
            assertThat(stage.inFlight() + stage.queued()).as(stage.stage().wireName()).isZero();
            assertThat(stage.received()).as(stage.stage().wireName())
                    .isEqualTo(stage.completed() + stage.failed() + stage.dropped() + stage.cancelled());
        });
        assertThat(pipeline.snapshot().get(0).cancelled()).isPositive();
    }

    @Test
    void eachStageRunsAtMostOncePerPipelineAndItsTimeIsKeptUnderItsName() {
        Pipeline.Builder<Integer, Integer> fetchOnly = Pipeline.<Integer>builder().then(jittery(Stage.FETCH, 2, 0));

        assertThatThrownBy(() -> fetchOnly.then(jittery(Stage.FETCH, 2, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fetch");
        Envelope<Integer> item = fetchOnly.then(StageSpec.<Integer, Integer>io(Stage.RENDER, StageSettings.of(1, 0),
                        n -> Mono.delay(Duration.ofMillis(20)).thenReturn(n)))
                .build(false).run(TestItems.numbers(1)).blockLast(Duration.ofSeconds(10));
        assertThat(item.timings().millis(Stage.RENDER)).isGreaterThanOrEqualTo(20);
        assertThat(item.timings().nanos(Stage.MARSHAL)).isZero();
    }

    @ParameterizedTest(name = "ordered={0}")
    @ValueSource(booleans = {false, true})
    void oneThreadAndManyThreadsGiveTheSameOutcomes(boolean ordered) {
        Scheduler one = Schedulers.newSingle("one-gopher");
        Scheduler many = Schedulers.newParallel("many-gophers", 4);
        try {
            List<String> onOne = outcomes(fourStages(11, one, one, 0.1, ordered), ordered);
            List<String> onMany = outcomes(fourStages(11, many, many, 0.1, ordered), ordered);
            assertThat(onOne).hasSize(2_000).isEqualTo(onMany);
        } finally {
            one.dispose();
            many.dispose();
        }
    }

    private static List<String> outcomes(Pipeline<Integer, Integer> pipeline, boolean ordered) {
        Flux<String> described = pipeline.run(TestItems.numbers(2_000)).map(o -> o.seq() + ":"
                + (o.isFailed() ? o.failure().stage() + "/" + o.failure().type() : o.payload()));
        Mono<List<String>> list = ordered ? described.collectList() : described.collectSortedList();
        return list.block(Duration.ofMinutes(1));
    }

    private static void releaseIfHeld(Envelope<?> item) {
        if (item.payload() instanceof Resource resource) {
            resource.release();
        }
    }

    /**
     * Four stages with deterministic failures: fetch and deliver are async on {@code io}, marshal and render are
     * CPU work on {@code cpu}.
     */
    static Pipeline<Integer, Integer> fourStages(long seed, Scheduler io, Scheduler cpu, double failureRate, boolean ordered) {
        return Pipeline.<Integer>builder()
                .then(StageSpec.<Integer, Integer>io(Stage.FETCH, StageSettings.of(16, 64), n -> Mono.fromCallable(() -> {
                    failIf(seed, "fetch", n, failureRate);
                    return n * 2;
                }).subscribeOn(io)))
                .then(StageSpec.<Integer, Integer>cpu(Stage.MARSHAL, StageSettings.of(2, 32), cpu, n -> {
                    failIf(seed, "marshal", n / 2, failureRate);
                    return n + 1;
                }))
                .then(StageSpec.<Integer, Integer>cpu(Stage.RENDER, StageSettings.of(2, 32), cpu, n -> {
                    failIf(seed, "render", (n - 1) / 2, failureRate);
                    return n * 10;
                }))
                .then(StageSpec.<Integer>sink(Stage.DELIVER, StageSettings.of(8, 64), item -> Mono.fromRunnable(() -> {
                    if (!item.isFailed()) {
                        failIf(seed, "deliver", (int) item.seq(), failureRate);
                    }
                }).subscribeOn(io).then()))
                .build(ordered);
    }

    private static void failIf(long seed, String stage, int n, double rate) {
        if (TestItems.shouldFail(seed, stage, n, rate)) {
            throw new ItemException(FailureType.PARSE, "injected failure of item " + n + " in " + stage);
        }
    }

    private static StageSpec<Integer, Integer> jittery(Stage stage, int parallelism, int maxMillis) {
        return StageSpec.io(stage, StageSettings.of(parallelism, 16),
                n -> Mono.delay(Duration.ofMillis(TestItems.delayMillis(3, stage.wireName(), n, maxMillis))).thenReturn(n));
    }

    /** Something an item holds that must be given back exactly once, however the item's life ends. */
    static final class Resource {
        private final AtomicLong released;
        private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

        Resource(int n, AtomicLong acquired, AtomicLong released) {
            this.released = released;
            acquired.incrementAndGet();
        }

        void release() {
            if (open.compareAndSet(true, false)) {
                released.incrementAndGet();
            }
        }
    }
}
