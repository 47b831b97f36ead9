package dev.cartage.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StageSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * Engine overhead: items per second through four trivial stages, against plain Reactor doing the same hops.
 *
 * <p>One benchmark operation is a whole run of {@link #ITEMS} items (source to last envelope, blocking on the
 * end), and {@code @OperationsPerInvocation(ITEMS)} makes JMH report the score per item. With the GC profiler,
 * {@code gc.alloc.rate.norm} is therefore bytes allocated per item, by all threads.
 *
 * <p>Every variant does the same per-item work: take an {@link Envelope}, apply {@code n -> n} to its payload and
 * wrap the result in a new envelope ({@code withPayload}), four times.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EngineBenchmark {

    /** Items per benchmark operation. */
    public static final int ITEMS = 100_000;
    /** The buffer of every engine stage, and the prefetch of baseline (a). */
    public static final int BUFFER = 1024;

    private static final Function<Integer, Integer> IDENTITY = n -> n;

    Scheduler cpu;

    /** Shape of an engine pipeline: parallelism of each of the four stages and whether the run is ordered. */
    @State(Scope.Benchmark)
    public static class Shape {
        @Param({"1", "4"})
        public int p;
        @Param({"false", "true"})
        public boolean ordered;
    }

    @Setup(Level.Trial)
    public void setUp() {
        cpu = Schedulers.newParallel("bench-cpu", Runtime.getRuntime().availableProcessors());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cpu.dispose();
    }

    static Flux<Envelope<Integer>> source() {
        return Flux.range(0, ITEMS).map(i -> Envelope.of(i, "s", i));
    }

    /** Four {@code StageSpec.cpu} stages doing {@code n -> n} on the bench scheduler. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long engineCpu(Shape shape) {
        StageSettings settings = StageSettings.of(shape.p, BUFFER);
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(StageSpec.<Integer, Integer>cpu(Stage.FETCH, settings, cpu, n -> n))
                .then(StageSpec.<Integer, Integer>cpu(Stage.MARSHAL, settings, cpu, n -> n))
                .then(StageSpec.<Integer, Integer>cpu(Stage.RENDER, settings, cpu, n -> n))
                .then(StageSpec.<Integer, Integer>cpu(Stage.DELIVER, settings, cpu, n -> n))
                .build(shape.ordered);
        return pipeline.run(source()).count().block();
    }

    /**
     * Four {@code StageSpec.io} stages whose work is {@code Mono.just(n)}: no thread hop at all (everything runs on
     * the calling thread), so this is the engine's per-item cost of an async stage (the Mono chain, the per-item
     * subscriber, the timeout, the bookkeeping).
     */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long engineIo(Shape shape) {
        StageSettings settings = StageSettings.of(shape.p, BUFFER);
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>builder()
                .then(StageSpec.<Integer, Integer>io(Stage.FETCH, settings, Mono::just))
                .then(StageSpec.<Integer, Integer>io(Stage.MARSHAL, settings, Mono::just))
                .then(StageSpec.<Integer, Integer>io(Stage.RENDER, settings, Mono::just))
                .then(StageSpec.<Integer, Integer>io(Stage.DELIVER, settings, Mono::just))
                .build(shape.ordered);
        return pipeline.run(source()).count().block();
    }

    /** Baseline (a): four plain Reactor hops {@code publishOn(cpu, 1024).map(f)}. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long reactorPublishOn1024() {
        return hops(BUFFER);
    }

    /** Baseline (b): the same with publishOn's default prefetch ({@code Queues.SMALL_BUFFER_SIZE}, 256). */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long reactorPublishOnDefault() {
        return hops(Queues.SMALL_BUFFER_SIZE);
    }

    private long hops(int prefetch) {
        return source()
                .publishOn(cpu, prefetch).map(EngineBenchmark::trivial)
                .publishOn(cpu, prefetch).map(EngineBenchmark::trivial)
                .publishOn(cpu, prefetch).map(EngineBenchmark::trivial)
                .publishOn(cpu, prefetch).map(EngineBenchmark::trivial)
                .count().block();
    }

    private static Envelope<Integer> trivial(Envelope<Integer> item) {
        return item.withPayload(IDENTITY.apply(item.payload()));
    }
}
