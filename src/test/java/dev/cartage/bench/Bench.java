package dev.cartage.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.StackProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The engine's benchmarks, printed as plain-text tables on stdout (JMH's own progress goes to stderr).
 *
 * <pre>
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=engine   # engine overhead, JMH
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=little   # Little's-law efficiency, timed runs
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=all      # both
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=profile  # JMH stack profile of the engine runs
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=e2e      # E2eBench; needs the jar: ./mvnw -B -q -DskipTests package
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=fetch    # FetchBench: the fetch stage alone vs the pile; needs the jar
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=extract  # main-content extraction: P/R/F1 and speed, 181 pages
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=cpu      # marshal + render CPU cost per page, every format
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=mirrors  # MirrorBench: balancers and first-response
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=render   # RenderBench: render cost per format, 181 pages
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=soak     # SoakBench: -Dsoak.seconds=60; needs the jar
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=store    # StoreBench: memory vs H2 vs PostgreSQL run stores
 * </pre>
 *
 * Add {@code quick} (e.g. {@code -Dbench="engine quick"}) for a short smoke run whose numbers mean little, and
 * {@code only=<scenario>} to run one Little's-law scenario (e.g. {@code -Dbench="little only=wide-io-1024"}).
 */
public final class Bench {

    /** Go's buffered-channel pipeline on a 2-core machine of this kind: the design goal for the engine. */
    static final double GOAL_ITEMS_PER_SECOND = 3_600_000;

    /** Before each measurement, wait up to this long for other processes to use less than QUIET_CORES. */
    static final int QUIET_WAIT_SECONDS = 120;
    static final double QUIET_CORES = 0.15;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> words = Arrays.stream(args)
                .flatMap(a -> Arrays.stream(a.trim().split("[\\s,]+")))
                .filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        boolean quick = words.remove("quick");
        String only = words.stream().filter(w -> w.startsWith("only=")).findFirst().orElse(null);
        if (only != null) {
            words.remove(only);
            only = only.substring("only=".length());
        }
        if (words.contains("store")) {
            // StoreBench takes words of its own (repeats=N, pages=N, large=N, warmup=N, heap=...)
            if (quick) {
                words.add("quick");
            }
            machine(System.out);
            StoreBench.run(System.out, words);
            System.exit(0);
        }
        String what = words.isEmpty() ? "all" : words.iterator().next();
        if (words.size() > 1 || !Set.of("engine", "little", "all", "profile", "e2e", "fetch", "mirrors", "extract", "cpu", "render", "soak", "store").contains(what)) {
            System.err.println("usage: Bench engine|little|all|profile|e2e|fetch|mirrors|extract|cpu|render|soak|store [quick] [only=<little scenario>]");
            System.exit(2);
        }
        if (what.equals("cpu")) {
            CpuCostBench.run(System.out);
            System.exit(0);
        }
        if (what.equals("extract")) {
            ExtractionBench.run(System.out);
            System.exit(0);
        }
        if (what.equals("render")) {
            RenderBench.run(System.out);
            System.exit(0);
        }
        if (what.equals("soak")) {
            SoakBench.run(System.out);
            System.exit(0);
        }
        if (what.equals("fetch")) {
            FetchBench.run(System.out);
            System.exit(0);
        }
        if (what.equals("e2e")) {
            e2e(args);
            System.exit(0);
        }
        PrintStream out = System.out;
        machine(out);
        if (what.equals("mirrors")) {
            MirrorBench.run(out, quick);
            System.exit(0);
        }
        if (what.equals("engine") || what.equals("all")) {
            engine(out, quick);
        }
        if (what.equals("little") || what.equals("all")) {
            out.println("== Little's-law efficiency ==");
            out.println();
            LittleBench.run(out, quick, only);
        }
        if (what.equals("profile")) {
            profile(out);
        }
        System.exit(0);
    }

    /** The end-to-end bench ({@code E2eBench}), which starts the packaged service as a separate process. */
    private static void e2e(String[] args) throws Exception {
        String[] rest = Arrays.stream(args).flatMap(a -> Arrays.stream(a.trim().split("[\\s,]+")))
                .filter(w -> !w.isEmpty() && !w.equalsIgnoreCase("e2e")).toArray(String[]::new);
        E2eBench.main(rest);
    }

    private static void machine(PrintStream out) {
        out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + "); "
                + "reactor-core " + reactor.core.publisher.Flux.class.getPackage().getImplementationVersion());
        out.println();
    }

    private static ChainedOptionsBuilder jmh(boolean quick) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .shouldFailOnError(true);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        } else {
            options.warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        return options;
    }

    /** One engine benchmark and its parameters; each runs in its own Runner so that its foreign load is its own. */
    private record Case(String method, String p, String ordered) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("reactorPublishOn1024", null, null));
        cases.add(new Case("reactorPublishOnDefault", null, null));
        for (String method : List.of("engineCpu", "engineIo")) {
            for (String p : List.of("1", "4")) {
                for (String ordered : List.of("false", "true")) {
                    cases.add(new Case(method, p, ordered));
                }
            }
        }
        return cases;
    }

    private static void engine(PrintStream out, boolean quick) throws RunnerException {
        List<RunResult> sorted = new ArrayList<>();
        Map<RunResult, Double> foreign = new HashMap<>();
        String loadBefore = ForeignLoad.loadAverage();
        for (Case c : cases()) {
            ChainedOptionsBuilder options = jmh(quick)
                    .include(EngineBenchmark.class.getName() + "\\." + c.method() + "$")
                    .addProfiler(GCProfiler.class);
            if (c.p() != null) {
                options.param("p", c.p()).param("ordered", c.ordered());
            }
            ForeignLoad.awaitQuiet(QUIET_CORES, QUIET_WAIT_SECONDS);
            ForeignLoad load = ForeignLoad.start();
            Collection<RunResult> results;
            try {
                results = new Runner(options.build(),
                        OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
            } finally {
                load.close();
            }
            for (RunResult r : results) {
                sorted.add(r);
                foreign.put(r, load.cores());
            }
        }
        sorted.sort(Comparator.comparingInt(Bench::rank)
                .thenComparing(r -> param(r, "p"))
                .thenComparing(r -> param(r, "ordered")));
        double baseline = sorted.stream().filter(r -> method(r).equals("reactorPublishOn1024"))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);

        out.println("== Engine overhead: four trivial stages, " + EngineBenchmark.ITEMS
                + " items per op, buffer/prefetch " + EngineBenchmark.BUFFER + " ==");
        out.println("JMH " + (quick ? "QUICK SMOKE RUN (1x1s warm-up, 2x1s measurement)" : "fork 1, warm-up 3x1s, measurement 5x1s")
                + ", throughput per item, error = 99.9% CI; B/item = gc.alloc.rate.norm (all threads).");
        out.println("Each benchmark runs in its own fork, after waiting up to " + QUIET_WAIT_SECONDS
                + " s for other processes to use less than " + QUIET_CORES + " cores.");
        out.println();
        Table table = new Table("benchmark", "p", "ordered", "items/s (M)", "± (M)", "B/item", "vs goal 3.6M",
                "vs publishOn(1024)", "other CPU");
        for (RunResult r : sorted) {
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            double score = primary.getScore();
            boolean engine = method(r).startsWith("engine");
            table.row(describe(r), engine ? param(r, "p") : "-",
                    engine ? (param(r, "ordered").equals("true") ? "yes" : "no") : "yes*",
                    String.format(Locale.ROOT, "%.3f", score / 1e6),
                    String.format(Locale.ROOT, "%.3f", primary.getScoreError() / 1e6),
                    alloc == null ? "n/a" : String.format(Locale.ROOT, "%.0f", alloc.getScore()),
                    String.format(Locale.ROOT, "%.3f", score / GOAL_ITEMS_PER_SECOND),
                    String.format(Locale.ROOT, "%.2f", score / baseline),
                    String.format(Locale.ROOT, "%.2f", foreign.get(r)));
        }
        table.print(out);
        out.println("* publishOn keeps order by construction: one worker per hop.");
        out.println("engine cpu = StageSpec.cpu(n -> n) x4 on newParallel(cores); engine io = StageSpec.io(Mono::just) x4;");
        out.println("publishOn(1024) / publishOn(default=256) = source.publishOn(cpu, prefetch).map(withPayload(n -> n)) x4.");
        out.println("other CPU = cores used on average by other processes on this machine while that benchmark ran;"
                + " load average before: " + loadBefore + ", after: " + ForeignLoad.loadAverage() + ".");
        out.println();
    }

    /** A short JMH stack profile (thread states and top frames) of the p=1 unordered engine runs, on stdout. */
    private static void profile(PrintStream out) throws RunnerException {
        new Runner(new OptionsBuilder()
                .include(EngineBenchmark.class.getName() + "\\.engine")
                .param("p", "1")
                .param("ordered", "false")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(4).measurementTime(TimeValue.seconds(1))
                .addProfiler(StackProfiler.class, "lines=1;top=25;detailLine=false")
                .build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
    }

    private static int rank(RunResult r) {
        return switch (method(r)) {
            case "reactorPublishOn1024" -> 0;
            case "reactorPublishOnDefault" -> 1;
            case "engineCpu" -> 2;
            case "engineIo" -> 3;
            default -> 4;
        };
    }

    private static String describe(RunResult r) {
        return switch (method(r)) {
            case "reactorPublishOn1024" -> "(a) reactor publishOn(1024)";
            case "reactorPublishOnDefault" -> "(b) reactor publishOn(default 256)";
            case "engineCpu" -> "engine cpu stages";
            case "engineIo" -> "engine io stages (Mono.just)";
            default -> method(r);
        };
    }

    private static String method(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String param(RunResult r, String key) {
        String value = r.getParams().getParam(key);
        return value == null ? "" : value;
    }
}
