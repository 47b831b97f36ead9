package dev.cartage.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;

import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StageSnapshot;
import dev.cartage.pipeline.StageSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Little's-law efficiency: four stages with simulated latencies; the achieved rate against the rate the design
 * allows. A stage that works on {@code p} items at once, each taking {@code L} seconds, finishes at most
 * {@code p / L} items per second, so the pipeline can do no better than {@code min(p / L)} over its stages (the
 * design bound). CPU work also needs cores: {@code cores / (CPU seconds per item)} is a second bound, and the
 * CPU-aware bound is the smaller of the two.
 *
 * <p>Not JMH: each scenario is a plain timed run (subscribe to last outcome), after one untimed warm-up run at a
 * tenth of the size; each is repeated {@link #REPEATS} times and the run with the median rate is reported.
 */
final class LittleBench {

    static final int REPEATS = 3;
    private static final AtomicInteger SHARED_THREADS = new AtomicInteger();
    private static final long SAMPLE_NANOS = 5_000_000L;

    enum Kind { IO_DELAY, CPU_SPIN, CPU_TRIVIAL }

    /**
     * One stage of a scenario: {@code IO_DELAY} is {@code StageSpec.io} with {@code Mono.delay(L)};
     * {@code CPU_SPIN} is {@code StageSpec.cpu} burning {@code L} of CPU; {@code CPU_TRIVIAL} is {@code n -> n}.
     */
    record StageDef(Stage stage, Kind kind, int p, int b, Duration latency) {
        double seconds() {
            return latency.toNanos() / 1e9;
        }

        double bound() {
            return kind == Kind.CPU_TRIVIAL ? Double.POSITIVE_INFINITY : p / seconds();
        }

        String describe() {
            String what = switch (kind) {
                case IO_DELAY -> "io delay " + latency.toMillis() + "ms";
                case CPU_SPIN -> "cpu spin " + latency.toMillis() + "ms";
                case CPU_TRIVIAL -> "cpu n->n";
            };
            return stage + "(" + what + ", p=" + p + ", b=" + b + ")";
        }
    }

    /** Which scheduler the CPU stages use: the brief's newParallel (a queue per thread) or one shared queue. */
    enum CpuPool { PARALLEL, SHARED_QUEUE }

    record Scenario(String name, int items, List<StageDef> stages, CpuPool pool) {
        Scenario(String name, int items, List<StageDef> stages) {
            this(name, items, stages, CpuPool.PARALLEL);
        }

        double designBound() {
            return stages.stream().mapToDouble(StageDef::bound).min().orElseThrow();
        }

        double cpuSecondsPerItem() {
            return stages.stream().filter(s -> s.kind() == Kind.CPU_SPIN).mapToDouble(StageDef::seconds).sum();
        }

        double cpuAwareBound(int cores) {
            double cpu = cpuSecondsPerItem();
            return cpu == 0 ? designBound() : Math.min(designBound(), cores / cpu);
        }
    }

    record Sample(double[] avgInFlight, double[] avgQueued) {
    }

    /** {@code meanNanos}: the mean time an item spent in each stage's work, from the envelopes' own timings. */
    record Run(int items, double seconds, double rate, double cpuCores, double foreignCores, long failed,
               List<StageSnapshot> meters, Sample sample, String threads, double[] meanNanos) {

        /** min(p / measured L): what the design would allow with the latencies the stages really had. */
        double measuredBound(Scenario scenario) {
            double bound = Double.POSITIVE_INFINITY;
            for (int i = 0; i < meanNanos.length; i++) {
                StageDef def = scenario.stages().get(i);
                if (def.kind() != Kind.CPU_TRIVIAL && meanNanos[i] > 0) {
                    bound = Math.min(bound, def.p() / (meanNanos[i] / 1e9));
                }
            }
            return bound;
        }
    }

    static List<Scenario> scenarios(boolean quick) {
        int div = quick ? 5 : 1;
        return List.of(
                // the brief's scenario: DESIGN's buffers (fetch 64, marshal 32, render 32, deliver 64)
                new Scenario("design-4stage", 5_000 / div, List.of(
                        new StageDef(Stage.FETCH, Kind.IO_DELAY, 64, 64, Duration.ofMillis(20)),
                        new StageDef(Stage.MARSHAL, Kind.CPU_SPIN, 2, 32, Duration.ofMillis(2)),
                        new StageDef(Stage.RENDER, Kind.CPU_SPIN, 2, 32, Duration.ofMillis(1)),
                        new StageDef(Stage.DELIVER, Kind.IO_DELAY, 16, 64, Duration.ofMillis(5)))),
                // the same, but the CPU stages run on one fixed pool with a single shared queue (no idle thread
                // while a worker task waits in another thread's queue)
                new Scenario("design-4stage-sharedq", 5_000 / div, List.of(
                        new StageDef(Stage.FETCH, Kind.IO_DELAY, 64, 64, Duration.ofMillis(20)),
                        new StageDef(Stage.MARSHAL, Kind.CPU_SPIN, 2, 32, Duration.ofMillis(2)),
                        new StageDef(Stage.RENDER, Kind.CPU_SPIN, 2, 32, Duration.ofMillis(1)),
                        new StageDef(Stage.DELIVER, Kind.IO_DELAY, 16, 64, Duration.ofMillis(5))), CpuPool.SHARED_QUEUE),
                // the same p and L, but marshal and render wait instead of burning CPU: min(p/L) is the only bound
                new Scenario("design-latency-only", 5_000 / div, List.of(
                        new StageDef(Stage.FETCH, Kind.IO_DELAY, 64, 64, Duration.ofMillis(20)),
                        new StageDef(Stage.MARSHAL, Kind.IO_DELAY, 2, 32, Duration.ofMillis(2)),
                        new StageDef(Stage.RENDER, Kind.IO_DELAY, 2, 32, Duration.ofMillis(1)),
                        new StageDef(Stage.DELIVER, Kind.IO_DELAY, 16, 64, Duration.ofMillis(5)))),
                // 1,024 in flight per I/O stage, trivial CPU stages; DESIGN's buffers again
                new Scenario("wide-io-1024", 200_000 / div, List.of(
                        new StageDef(Stage.FETCH, Kind.IO_DELAY, 1024, 64, Duration.ofMillis(20)),
                        new StageDef(Stage.MARSHAL, Kind.CPU_TRIVIAL, 2, 32, Duration.ZERO),
                        new StageDef(Stage.RENDER, Kind.CPU_TRIVIAL, 2, 32, Duration.ZERO),
                        new StageDef(Stage.DELIVER, Kind.IO_DELAY, 1024, 64, Duration.ofMillis(5)))));
    }

    static void run(PrintStream out, boolean quick, String only) {
        int cores = Runtime.getRuntime().availableProcessors();
        Spin spin = Spin.calibrate();
        out.printf(Locale.ROOT, "Spin calibration: %.3f iterations/ns; a 2 ms spin costs %.2f ms of thread CPU, a 1 ms spin %.2f ms%n",
                spin.iterationsPerNano(), spin.checkMillis(2_000_000), spin.checkMillis(1_000_000));
        out.println("Each scenario: 1 untimed warm-up run (items/10), then " + REPEATS
                + " timed runs; the run with the median rate is shown (range = slowest..fastest rate). Before each"
                + " timed run the bench waits up to " + Bench.QUIET_WAIT_SECONDS + " s for other processes to use"
                + " less than " + Bench.QUIET_CORES + " cores.");
        out.println();

        Scheduler parallel = Schedulers.newParallel("bench-cpu", cores);
        Scheduler shared = Schedulers.fromExecutorService(Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "bench-cpu-shared-" + SHARED_THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        }), "bench-cpu-shared");
        List<Scenario> scenarios = scenarios(quick).stream()
                .filter(s -> only == null || s.name().equals(only))
                .toList();
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario named " + only);
        }
        List<Run> medians = new ArrayList<>();
        List<String> rangeNote = new ArrayList<>();
        try {
            for (Scenario scenario : scenarios) {
                Scheduler cpu = scenario.pool() == CpuPool.PARALLEL ? parallel : shared;
                System.err.println("[little] " + scenario.name() + ": warm-up");
                once(scenario, Math.max(100, scenario.items() / 10), cpu, spin);
                List<Run> runs = new ArrayList<>();
                for (int i = 0; i < REPEATS; i++) {
                    ForeignLoad.awaitQuiet(Bench.QUIET_CORES, Bench.QUIET_WAIT_SECONDS);
                    Run run = once(scenario, scenario.items(), cpu, spin);
                    System.err.printf(Locale.ROOT, "[little] %s run %d: %.3f s, %.0f items/s, other CPU %.2f%n",
                            scenario.name(), i + 1, run.seconds(), run.rate(), run.foreignCores());
                    runs.add(run);
                }
                List<Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Run::rate)).toList();
                Run median = sorted.get(sorted.size() / 2);
                medians.add(new Run(median.items(), median.seconds(), median.rate(), median.cpuCores(),
                        median.foreignCores(), runs.stream().mapToLong(Run::failed).sum(), median.meters(),
                        median.sample(), median.threads(), median.meanNanos()));
                rangeNote.add(String.format(Locale.ROOT, "%.0f..%.0f", sorted.get(0).rate(),
                        sorted.get(sorted.size() - 1).rate()));
            }
        } finally {
            parallel.dispose();
            shared.dispose();
        }

        out.println("Scenarios (CPU stages on newParallel(" + cores + "), or, for -sharedq, on fromExecutorService("
                + "newFixedThreadPool(" + cores + ")); Mono.delay and the stages' timeouts on Schedulers.parallel()):");
        for (Scenario scenario : scenarios) {
            out.println("  " + scenario.name() + ": " + String.join(" -> ",
                    scenario.stages().stream().map(StageDef::describe).toList()));
        }
        out.println();

        Table table = new Table("scenario", "items", "elapsed s", "achieved/s", "range/s",
                "design bound min(p/L)", "eff vs design", "CPU-aware bound", "eff vs CPU-aware",
                "bound at measured L", "eff vs measured", "CPU cores used", "other CPU", "failed");
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Run r = medians.get(i);
            double cpuAware = s.cpuAwareBound(cores);
            table.row(s.name(), r.items(), f3(r.seconds()), f0(r.rate()), rangeNote.get(i), f0(s.designBound()),
                    f3(r.rate() / s.designBound()), f0(cpuAware), f3(r.rate() / cpuAware),
                    f0(r.measuredBound(s)), f3(r.rate() / r.measuredBound(s)), f2(r.cpuCores()),
                    f2(r.foreignCores()), r.failed());
        }
        table.print(out);
        out.println("CPU-aware bound = min(min(p/L), cores / sum of CPU seconds per item) with cores = " + cores
                + "; it ignores the engine's and the timers' own CPU.");
        out.println("Bound at measured L = min(p / mean time items really spent in each stage's work, from the envelopes'"
                + " timings): it removes timer overshoot and preemption from the judgement of the engine itself.");
        out.println("CPU cores used = this JVM's CPU time / elapsed; other CPU = cores used meanwhile by other processes."
                + " Failed = failed outcomes over all timed runs.");
        out.println();

        Table stages = new Table("scenario", "stage", "p", "b", "L ms", "mean L ms", "p50 ms", "p99 ms",
                "avg in flight", "in flight / p", "avg queued", "peak queued", "p/L /s", "p/mean L /s");
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Run r = medians.get(i);
            for (int k = 0; k < s.stages().size(); k++) {
                StageDef def = s.stages().get(k);
                StageSnapshot m = r.meters().get(k);
                double meanMs = r.meanNanos()[k] / 1e6;
                stages.row(s.name(), def.stage().wireName(), def.p(), def.b(), def.latency().toMillis(), f3(meanMs),
                        m.latency().p50Ms(), m.latency().p99Ms(), f1(r.sample().avgInFlight()[k]),
                        f2(r.sample().avgInFlight()[k] / def.p()), f1(r.sample().avgQueued()[k]),
                        m.peakQueued(), Double.isInfinite(def.bound()) ? "-" : f0(def.bound()),
                        def.kind() == Kind.CPU_TRIVIAL ? "-" : f0(def.p() / (meanMs / 1e3)));
            }
        }
        out.println("CPU by thread group, median run (cores = thread CPU time / elapsed; max = busiest single thread):");
        for (int i = 0; i < scenarios.size(); i++) {
            out.println("  " + scenarios.get(i).name() + ": " + medians.get(i).threads());
        }
        out.println();
        out.println("Per stage, median run (avg in flight / queued: the stage's published counters sampled every 5 ms;"
                + " p50/p99: the stage's own latency histogram):");
        stages.print(out);
        out.println();
    }

    private static Run once(Scenario scenario, int items, Scheduler cpu, Spin spin) {
        Pipeline<Integer, Integer> pipeline = build(scenario, cpu, spin);
        Sampler sampler = new Sampler(pipeline, scenario.stages().size());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Flux<Envelope<Integer>> source = Flux.range(0, items).map(i -> Envelope.of(i, "s", i));

        ForeignLoad load = ForeignLoad.start();
        Map<Long, Long> threadCpuStart = threadCpu();
        sampler.start();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        int stageCount = scenario.stages().size();
        long[] counts = pipeline.run(source)
                .reduce(new long[2 + stageCount], (acc, outcome) -> {
                    acc[0]++;
                    if (outcome.isFailed()) {
                        acc[1]++;
                    }
                    for (int k = 0; k < stageCount; k++) {
                        acc[2 + k] += outcome.timings().nanos(scenario.stages().get(k).stage());
                    }
                    return acc;
                })
                .block(Duration.ofMinutes(5));
        long nanos = System.nanoTime() - start;
        long cpuNanos = os.getProcessCpuTime() - cpuStart;
        Sample sample = sampler.finish();
        String threads = threadCpuSince(threadCpuStart, nanos);
        load.close();
        if (counts == null || counts[0] != items) {
            throw new IllegalStateException(scenario.name() + ": expected " + items + " outcomes, got "
                    + (counts == null ? 0 : counts[0]));
        }
        double seconds = nanos / 1e9;
        double[] meanNanos = new double[stageCount];
        for (int k = 0; k < stageCount; k++) {
            meanNanos[k] = counts[2 + k] / (double) items;
        }
        return new Run(items, seconds, items / seconds, cpuNanos / (double) nanos, load.cores(), counts[1],
                pipeline.snapshot(), sample, threads, meanNanos);
    }

    private static Pipeline<Integer, Integer> build(Scenario scenario, Scheduler cpu, Spin spin) {
        Pipeline.Builder<Integer, Integer> builder = Pipeline.builder();
        for (StageDef def : scenario.stages()) {
            StageSettings settings = StageSettings.of(def.p(), def.b());
            builder = builder.then(switch (def.kind()) {
                case IO_DELAY -> StageSpec.<Integer, Integer>io(def.stage(), settings,
                        n -> Mono.delay(def.latency()).thenReturn(n));
                case CPU_SPIN -> {
                    long nanos = def.latency().toNanos();
                    yield StageSpec.<Integer, Integer>cpu(def.stage(), settings, cpu, n -> {
                        spin.work(nanos);
                        return n;
                    });
                }
                case CPU_TRIVIAL -> StageSpec.<Integer, Integer>cpu(def.stage(), settings, cpu, n -> n);
            });
        }
        return builder.build(false);
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /** CPU per thread group (name without its trailing number) since {@code start}, in cores over {@code nanos}. */
    private static String threadCpuSince(Map<Long, Long> start, long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, double[]> groups = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (now < 0 || info == null) {
                continue;
            }
            double cores = (now - start.getOrDefault(id, 0L)) / (double) nanos;
            String group = info.getThreadName().replaceAll("-?\\d+$", "");
            double[] g = groups.computeIfAbsent(group, k -> new double[2]);
            g[0] += cores;
            g[1] = Math.max(g[1], cores);
        }
        return groups.entrySet().stream()
                .filter(e -> e.getValue()[0] >= 0.005)
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .map(e -> String.format(Locale.ROOT, "%s %.2f (max %.2f)", e.getKey(), e.getValue()[0], e.getValue()[1]))
                .collect(Collectors.joining(", "));
    }

    /** Samples the stages' published counters every 5 ms on a daemon thread, for average occupancy. */
    private static final class Sampler extends Thread {
        private final Pipeline<?, ?> pipeline;
        private final double[] inFlight;
        private final double[] queued;
        private volatile boolean stop;
        private long samples;

        Sampler(Pipeline<?, ?> pipeline, int stages) {
            super("little-sampler");
            setDaemon(true);
            this.pipeline = pipeline;
            this.inFlight = new double[stages];
            this.queued = new double[stages];
        }

        @Override
        public void run() {
            while (!stop) {
                LockSupport.parkNanos(SAMPLE_NANOS);
                List<StageSnapshot> snapshot = pipeline.snapshot();
                for (int i = 0; i < inFlight.length; i++) {
                    inFlight[i] += snapshot.get(i).inFlight();
                    queued[i] += snapshot.get(i).queued();
                }
                samples++;
            }
        }

        Sample finish() {
            stop = true;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double n = Math.max(1, samples);
            double[] f = new double[inFlight.length];
            double[] q = new double[queued.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = inFlight[i] / n;
                q[i] = queued[i] / n;
            }
            return new Sample(f, q);
        }
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
