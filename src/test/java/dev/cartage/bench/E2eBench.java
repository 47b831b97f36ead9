package dev.cartage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service end to end, over real HTTP, against the built-in pile.
 *
 * <p>For every measured run it starts the packaged service as a separate process ({@code java -jar}), waits for
 * {@code /actuator/health} to be UP, runs the same 500-page warm-up, then POSTs the measured run to
 * {@code /api/runs} and polls it every 100 ms until it ends. A fresh process per run makes the peak resident set
 * ({@code VmHWM}) belong to that one scenario. It records the run's own {@code createdAt → finishedAt}, pages/s,
 * peak and sampled RSS, the CPU the service used (from {@code /proc/<pid>/stat}), how busy the whole machine was
 * (from {@code /proc/stat}, so a run slowed by other processes shows it), GC pauses (actuator metrics), the live
 * heap after a forced full GC at the end (jcmd), the service's CPU split by thread group (from
 * {@code /proc/<pid>/task/<tid>/stat}: CPU stages, Netty event loops, the pile's timer threads, JIT compilers, GC) and
 * WARN/ERROR lines in the service's log.
 *
 * <p>Scenarios, interleaved repeat by repeat so that drifting machine load hits all of them alike:
 * <ul>
 *   <li>{@code cpu-ceiling}: 2,000 pages, latency 0 ms, fetch parallelism 64: the CPU-bound ceiling on this
 *       machine (the pile generating pages, HTTP, jsoup marshal and Markdown render all share its cores);</li>
 *   <li>{@code pile-2k}: 2,000 pages, latency 20 ms, fetch parallelism 64: bound 64 / 0.020 s = 3,200 pages/s;</li>
 *   <li>{@code pile-20k}: 20,000 pages, same settings: peak RSS should stay within 1.2 x that of {@code pile-2k}.</li>
 * </ul>
 *
 * <p>Needs the jar: {@code ./mvnw -B -o -q -DskipTests package}. Settings (system properties):
 * {@code e2e.jar} (default {@code target/cartage-0.1.0-SNAPSHOT.jar}), {@code e2e.repeats} (3),
 * {@code e2e.small} (2000), {@code e2e.large} (20000), {@code e2e.warmup} (500), {@code e2e.jvmArgs}
 * ({@link #DEPLOYED_JVM_ARGS}), {@code e2e.logDir} ({@code target/e2e}), {@code e2e.scenarios}
 * (comma-separated subset of the names above).
 */
public final class E2eBench {

    /**
     * The service runs as deployed: the Dockerfile's JAVA_TOOL_OPTIONS inside the 1 GiB memory limit of
     * deploy/kubernetes/deployment.yaml, which -XX:MaxRAM emulates outside a container.
     */
    static final String DEPLOYED_JVM_ARGS = "-XX:MaxRAM=1g -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";


    static final int FETCH_PARALLELISM = 64;
    static final Duration LATENCY = Duration.ofMillis(20);
    static final double LATENCY_BOUND = FETCH_PARALLELISM / (LATENCY.toNanos() / 1e9);
    static final long CLOCK_TICKS = 100; // USER_HZ on Linux
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private E2eBench() {
    }

    /** One scenario: a pile of {@code pages} pages at {@code latencyMs}. */
    record Scenario(String name, int pages, int latencyMs) {
        String body() {
            return "{\"sources\":[{\"pile\":{\"count\":" + pages + ",\"latency\":\"" + latencyMs + "ms\"}}],"
                    + "\"stages\":{\"fetch\":{\"parallelism\":" + FETCH_PARALLELISM + "}},"
                    + "\"deliver\":{\"to\":\"discard\"}}";
        }
    }

    /** What one measured run in one fresh service process gave. */
    record Result(Scenario scenario, int repeat, String status, long total, long succeeded, long failed,
                  double runSeconds, double wallSeconds, long baselineHwmKb, long peakHwmKb, long maxRssKb,
                  double windowSeconds, double serviceCpuSeconds, double machineBusyCores, double stealCores,
                  long gcPauses, double gcPauseSeconds, long heapCommittedKb, long liveHeapAfterGcKb,
                  Map<String, Long> threadTicks, int logProblems, Path log) {

        double pagesPerSecond() {
            return succeeded / runSeconds;
        }

        /** Cores the service used on average over the measurement window. */
        double serviceCores() {
            return serviceCpuSeconds / windowSeconds;
        }

        /** Cores other processes on the machine used meanwhile. */
        double otherCores() {
            return Math.max(0, machineBusyCores - serviceCores());
        }

        /** Pages per second of service CPU: the throughput per core, whatever share of the machine it got. */
        double pagesPerCpuSecond() {
            return total / serviceCpuSeconds;
        }

        double cpuMsPerPage() {
            return serviceCpuSeconds * 1000 / Math.max(1, total);
        }
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs every scenario and prints the tables to {@code out}. */
    public static void run(PrintStream out) {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/cartage-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first with "
                    + "./mvnw -B -o -q -DskipTests package (or name it with -De2e.jar=...)");
        }
        int repeats = Integer.getInteger("e2e.repeats", 3);
        int small = Integer.getInteger("e2e.small", 2_000);
        int large = Integer.getInteger("e2e.large", 20_000);
        int warmup = Integer.getInteger("e2e.warmup", 500);
        Path logDir = Path.of(System.getProperty("e2e.logDir", "target/e2e")).toAbsolutePath();
        List<String> jvmArgs = Arrays.stream(System.getProperty("e2e.jvmArgs", DEPLOYED_JVM_ARGS)
                .trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        List<Scenario> all = List.of(
                new Scenario("cpu-ceiling", small, 0),
                new Scenario("pile-2k", small, (int) LATENCY.toMillis()),
                new Scenario("pile-20k", large, (int) LATENCY.toMillis()));
        String only = System.getProperty("e2e.scenarios", "");
        List<Scenario> scenarios = all.stream()
                .filter(s -> only.isBlank() || Arrays.asList(only.split(",")).contains(s.name()))
                .toList();
        Scenario warm = new Scenario("warm-up", warmup, (int) LATENCY.toMillis());

        out.printf("E2E bench: %s, %d cores, java %s, service JVM args %s, %d repeat(s), warm-up %d pages%n",
                jar.getFileName(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                jvmArgs, repeats, warmup);
        out.println("run               pages  status     ok/failed   run s  pages/s  svc cores  other procs  steal"
                + "  svc CPU ms/page  pages/CPU-s  HWM after warm-up  peak RSS (HWM)  max RSS sampled"
                + "  heap committed  live heap after GC  GC pauses");
        List<Result> results = new ArrayList<>();
        try {
            Files.createDirectories(logDir);
            for (int repeat = 1; repeat <= repeats; repeat++) {
                for (Scenario scenario : scenarios) {
                    Result result = measure(jar, jvmArgs, logDir, scenario, warm, repeat);
                    results.add(result);
                    out.println(row(result));
                    out.println("    service CPU by thread: " + shares(result.threadTicks()));
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        summary(out, scenarios, results);
    }

    // ---- one fresh service process, one measured run ----

    static Result measure(Path jar, List<String> jvmArgs, Path logDir, Scenario scenario, Scenario warm, int repeat)
            throws IOException, InterruptedException {
        Path log = logDir.resolve(scenario.name() + "-" + repeat + ".log");
        try (E2eService service = E2eService.start(jar, jvmArgs, log)) {
            if (warm.pages() > 0) {
                Polled warmed = service.runToEnd(warm);
                if (!"completed".equals(warmed.status().get("status").asString())) {
                    throw new IllegalStateException("warm-up run ended " + warmed.status() + "; see " + log);
                }
            }
            long baselineHwm = service.procStatusKb("VmHWM");
            double[] gc0 = service.gcPauses();
            Map<String, Long> threads0 = service.threadTicks();
            long cpu0 = service.cpuTicks();
            long[] machine0 = machineTicks();
            long window0 = System.nanoTime();

            Polled run = service.runToEnd(scenario);

            long cpu1 = service.cpuTicks();
            Map<String, Long> threads1 = service.threadTicks();
            long[] machine1 = machineTicks();
            double window = (System.nanoTime() - window0) / 1e9;
            double[] gc1 = service.gcPauses();
            long hwm = service.procStatusKb("VmHWM");
            long heapCommitted = service.heapKb("jvm.memory.committed");
            long liveHeap = service.liveHeapAfterFullGcKb();
            JsonNode status = run.status();
            JsonNode items = status.get("items");
            Instant created = Instant.parse(status.get("createdAt").asString());
            JsonNode finishedNode = status.get("finishedAt");
            double runSeconds = finishedNode == null || finishedNode.isNull() ? run.wallSeconds()
                    : Duration.between(created, Instant.parse(finishedNode.asString())).toNanos() / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            double totalTicks = machine1[1] - machine0[1];
            double busyCores = totalTicks == 0 ? 0 : cores * (machine1[0] - machine0[0]) / totalTicks;
            double stealCores = totalTicks == 0 ? 0 : cores * (machine1[2] - machine0[2]) / totalTicks;
            Result result = new Result(scenario, repeat, status.get("status").asString(),
                    items.get("total").isNull() ? -1 : items.get("total").asLong(),
                    items.get("succeeded").asLong(), items.get("failed").asLong(), runSeconds, run.wallSeconds(),
                    baselineHwm, hwm, run.maxRssKb(), window, (cpu1 - cpu0) / (double) CLOCK_TICKS, busyCores,
                    stealCores, Math.round(gc1[0] - gc0[0]), gc1[1] - gc0[1], heapCommitted, liveHeap,
                    delta(threads0, threads1), service.logProblems(), log);
            return result;
        }
    }

    /** The run's last status, the wall time from POST to seeing it end, and the largest VmRSS seen meanwhile. */
    record Polled(JsonNode status, double wallSeconds, long maxRssKb) {
    }

    /** Machine-wide ticks from /proc/stat: {busy (neither idle, iowait nor steal), total, steal}. */
    static long[] machineTicks() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
        long[] f = Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        // user nice system idle iowait irq softirq steal guest guest_nice
        long idle = f[3] + f[4];
        long steal = f.length > 7 ? f[7] : 0;
        long total = 0;
        for (int i = 0; i < Math.min(f.length, 8); i++) {
            total += f[i];
        }
        long busy = total - idle - steal;
        return new long[] {busy, total, steal};
    }

    // ---- output ----

    static String row(Result r) {
        return String.format(Locale.ROOT,
                "%-16s %6d  %-9s %6d/%-4d %6.2f %8.1f %10.2f %12.2f %6.2f %16.2f %12.1f %18s %15s %16s %15s %19s %4d/%5.0fms",
                r.scenario().name() + " #" + r.repeat(), r.scenario().pages(), r.status(), r.succeeded(), r.failed(),
                r.runSeconds(), r.pagesPerSecond(), r.serviceCores(), r.otherCores(), r.stealCores(),
                r.cpuMsPerPage(), r.pagesPerCpuSecond(), mib(r.baselineHwmKb()), mib(r.peakHwmKb()),
                mib(r.maxRssKb()), mib(r.heapCommittedKb()), mib(r.liveHeapAfterGcKb()), r.gcPauses(),
                r.gcPauseSeconds() * 1000)
                + (r.logProblems() > 0 ? "  (" + r.logProblems() + " WARN/ERROR lines in " + r.log() + ")" : "");
    }

    static void summary(PrintStream out, List<Scenario> scenarios, List<Result> results) {
        out.println();
        out.println("Medians per scenario (each run in its own fresh service process)");
        out.println("scenario      pages  runs  failed  pages/s (min-max)      svc cores  other procs  svc CPU ms/page"
                + "  pages/CPU-s  peak RSS (HWM)  max RSS sampled  heap committed  live heap after GC");
        List<String> cpuShares = new ArrayList<>();
        for (Scenario s : scenarios) {
            List<Result> rs = results.stream().filter(r -> r.scenario().equals(s)).toList();
            if (rs.isEmpty()) {
                continue;
            }
            Map<String, Long> ticks = new TreeMap<>();
            rs.forEach(r -> r.threadTicks().forEach((name, t) -> ticks.merge(name, t, Long::sum)));
            cpuShares.add(String.format(Locale.ROOT, "%-12s %s", s.name(), shares(ticks)));
            out.printf(Locale.ROOT, "%-12s %6d %5d %7d  %6.1f (%5.1f-%6.1f) %10.2f %12.2f %16.2f %12.1f %15s %16s %15s %19s%n",
                    s.name(), s.pages(), rs.size(), rs.stream().mapToLong(Result::failed).sum(),
                    median(rs, Result::pagesPerSecond), min(rs, Result::pagesPerSecond), max(rs, Result::pagesPerSecond),
                    median(rs, Result::serviceCores), median(rs, Result::otherCores), median(rs, Result::cpuMsPerPage),
                    median(rs, Result::pagesPerCpuSecond), mib((long) median(rs, r -> r.peakHwmKb())),
                    mib((long) median(rs, r -> r.maxRssKb())), mib((long) median(rs, r -> r.heapCommittedKb())),
                    mib((long) median(rs, r -> r.liveHeapAfterGcKb())));
        }
        out.println();
        out.println("Service CPU by thread group (all runs of the scenario)");
        cpuShares.forEach(out::println);
        out.println();
        int cores = Runtime.getRuntime().availableProcessors();
        List<Result> ceilingRuns = of(results, "cpu-ceiling");
        List<Result> smallRuns = of(results, "pile-2k");
        List<Result> largeRuns = of(results, "pile-20k");
        double latencyBound = LATENCY_BOUND;
        out.printf(Locale.ROOT, "latency bound          = fetch parallelism / latency = %d / %.3f s = %.0f pages/s%n",
                FETCH_PARALLELISM, LATENCY.toNanos() / 1e9, latencyBound);
        double ceiling = Double.NaN;
        if (!ceilingRuns.isEmpty()) {
            ceiling = median(ceilingRuns, Result::pagesPerSecond);
            double cpuMs = median(ceilingRuns, Result::cpuMsPerPage);
            out.printf(Locale.ROOT, "CPU ceiling (measured) = %.1f pages/s (latency 0 ms) with %.2f cores for the "
                    + "service; service CPU %.2f ms/page -> %.0f pages/s if it had all %d cores to itself%n", ceiling,
                    median(ceilingRuns, Result::serviceCores), cpuMs, cores * 1000 / cpuMs, cores);
        }
        if (!smallRuns.isEmpty()) {
            double rate = median(smallRuns, Result::pagesPerSecond);
            double bound = Double.isNaN(ceiling) ? latencyBound : Math.min(latencyBound, ceiling);
            out.printf(Locale.ROOT, "pile-2k                = %.1f pages/s = %.1f%% of the latency bound, %.1f%% of "
                    + "min(latency bound, CPU ceiling) = %.0f%n", rate, 100 * rate / latencyBound, 100 * rate / bound,
                    bound);
            if (!ceilingRuns.isEmpty()) {
                double perCpu = median(smallRuns, Result::pagesPerCpuSecond);
                double ceilingPerCpu = median(ceilingRuns, Result::pagesPerCpuSecond);
                out.printf(Locale.ROOT, "  per CPU-second       = %.1f vs %.1f pages per service CPU-second at latency 0"
                        + " = %.1f%% (independent of the share of the machine the service got)%n",
                        perCpu, ceilingPerCpu, 100 * perCpu / ceilingPerCpu);
            }
        }
        if (!smallRuns.isEmpty() && !largeRuns.isEmpty()) {
            double hwmSmall = median(smallRuns, r -> r.peakHwmKb());
            double hwmLarge = median(largeRuns, r -> r.peakHwmKb());
            double rssSmall = median(smallRuns, r -> r.maxRssKb());
            double rssLarge = median(largeRuns, r -> r.maxRssKb());
            double liveSmall = median(smallRuns, r -> r.liveHeapAfterGcKb());
            double liveLarge = median(largeRuns, r -> r.liveHeapAfterGcKb());
            out.printf(Locale.ROOT, "peak RSS 20k / 2k      = %s / %s = %.2f (goal <= 1.20: %s); max sampled RSS "
                            + "ratio %.2f; live heap after GC %s / %s = %.2f%n",
                    mib((long) hwmLarge), mib((long) hwmSmall), hwmLarge / hwmSmall,
                    hwmLarge / hwmSmall <= 1.2 ? "met" : "NOT met", rssLarge / rssSmall,
                    mib((long) liveLarge), mib((long) liveSmall), liveLarge / liveSmall);
        }
        long failed = results.stream().mapToLong(Result::failed).sum();
        long notCompleted = results.stream().filter(r -> !"completed".equals(r.status())).count();
        int logProblems = results.stream().mapToInt(Result::logProblems).sum();
        out.printf(Locale.ROOT, "failed items: %d, runs not completed: %d, WARN/ERROR lines in service logs: %d%n",
                failed, notCompleted, logProblems);
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((name, ticks) -> {
            long d = ticks - before.getOrDefault(name, 0L);
            if (d > 0) {
                delta.put(name, d);
            }
        });
        return delta;
    }

    /** "cartage-cpu 52%, reactor-http-epoll 20%, ..." for groups of at least 1%, largest first. */
    static String shares(Map<String, Long> ticks) {
        long total = ticks.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "n/a";
        }
        StringBuilder text = new StringBuilder();
        ticks.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 100 >= total)
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(Math.round(100.0 * e.getValue() / total)).append('%'));
        return text.toString();
    }

    static List<Result> of(List<Result> results, String name) {
        return results.stream().filter(r -> r.scenario().name().equals(name)).toList();
    }

    static double median(List<Result> rs, ToDoubleFunction<Result> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double min(List<Result> rs, ToDoubleFunction<Result> f) {
        return rs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    static double max(List<Result> rs, ToDoubleFunction<Result> f) {
        return rs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    static String mib(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }

    /** A free local port (it may be taken again before the service binds it; start() then fails clearly). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
