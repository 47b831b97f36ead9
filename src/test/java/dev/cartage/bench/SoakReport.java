package dev.cartage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The soak's tables and its PASS/MISS line per soak goal. */
final class SoakReport {

    private static final double WINDOW = 20;
    private static final Pattern PROBLEM = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s.*");

    /** The figures read after the load ended. */
    record After(double fetchActive, double fetchIdle, double drainSeconds, double serverActiveMetric,
                 SoakConnections.Sockets serviceSockets, Map<String, Long> serverErrors, long liveHeapKb,
                 int benchAcquiredBeforeClose, int benchAcquired, int benchAllocated, int benchOpenChannels,
                 long benchOpenedChannels, SoakConnections.Sockets benchSockets) {
    }

    private final int seconds;
    private final double loadSeconds;
    private final double runsSeconds;
    private final SoakRender render;
    private final List<SoakRun.Checked> runs;
    private final List<SoakMemory.Sample> samples;
    private final SoakClient client;
    private final After after;
    private final ForeignLoad foreign;
    private final Path log;

    SoakReport(int seconds, double loadSeconds, double runsSeconds, SoakRender render, List<SoakRun.Checked> runs,
               List<SoakMemory.Sample> samples, SoakClient client, After after, ForeignLoad foreign, Path log) {
        this.seconds = seconds;
        this.loadSeconds = loadSeconds;
        this.runsSeconds = runsSeconds;
        this.render = render;
        this.runs = runs;
        this.samples = samples;
        this.client = client;
        this.after = after;
        this.foreign = foreign;
        this.log = log;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "Load: %.1f s (goal ~%d s; render clients until the runs ended); runs ended after "
                + "%.1f s; %s%n%n", loadSeconds, seconds, runsSeconds, foreign.describe());

        out.println("/api/render (" + SoakBench.CLIENTS + " concurrent clients)");
        new Table("requests", "2xx", "4xx", "5xx", "500", "no answer", "req/s", "p50 ms", "p99 ms")
                .row(render.total(), render.ofClass(2), render.ofClass(4), render.ofClass(5), render.fiveHundreds(),
                        render.transportErrors(), f1(render.total() / loadSeconds), f1(render.percentileMs(50)),
                        f1(render.percentileMs(99)))
                .print(out);
        render.problems().forEach(p -> out.println("  non-2xx: " + p));
        out.println();

        out.println("Runs (POST /api/runs, " + SoakRun.PAGES + " pile pages, failEvery " + SoakRun.FAIL_EVERY
                + ", deliver to store; outcomes from /results NDJSON)");
        Table table = new Table("trio", "run", "status", "outcomes", "failed", "distinct seqs", "dup/out-of-range",
                "other failures", "RunStatus total/ok/failed", "duration s", "content kept (M chars)");
        for (SoakRun.Checked r : runs) {
            table.row(r.trio(), r.id(), r.status(), r.outcomes(), r.failed(), r.distinctSeqs(),
                    r.duplicateSeqs() + "/" + r.outOfRangeSeqs(), r.unexpectedFailures(),
                    r.reportedTotal() + "/" + r.reportedSucceeded() + "/" + r.reportedFailed(), f1(r.seconds()),
                    f1(r.contentChars() / 1e6));
        }
        table.print(out);
        runs.stream().filter(r -> r.problem() != null).forEach(r -> out.println("  " + r.id() + ": " + r.problem()));
        out.println();

        long render500 = client.answers("render", 500, 500);
        long runs500 = client.answers("runs", 500, 500);
        long actuator500 = client.answers("actuator", 500, 500);
        long server500 = after.serverErrors().entrySet().stream().filter(e -> e.getKey().endsWith(" 500"))
                .mapToLong(Map.Entry::getValue).sum();
        long serverRender5xx = after.serverErrors().entrySet().stream()
                .filter(e -> e.getKey().startsWith("/api/render ")).mapToLong(Map.Entry::getValue).sum();
        out.printf("Service 500s seen by the client: %d (render %d, run API %d, actuator %d); runs API other 5xx: %d%n",
                render500 + runs500 + actuator500, render500, runs500, actuator500, client.answers("runs", 501, 599));
        out.println("Server-side 5xx (http_server_requests_seconds_count, whole life of the process, uri status -> n): "
                + after.serverErrors() + "  (the pile's 503s are its failEvery pages, by design)");
        out.println();

        double firstRss = SoakMemory.mean(samples, 0, WINDOW, SoakMemory.Sample::rssKb);
        double lastRss = SoakMemory.mean(samples, loadSeconds - WINDOW, Double.MAX_VALUE, SoakMemory.Sample::rssKb);
        double rssRatio = lastRss / firstRss;
        out.println("Service memory (sampled every second during the load)");
        new Table("RSS first 20 s", "RSS last 20 s", "ratio", "RSS max", "heap used first/last 20 s",
                "heap committed first/last 20 s", "live heap after full GC (end)")
                .row(mib(firstRss), mib(lastRss), f2(rssRatio), mib(SoakMemory.max(samples, SoakMemory.Sample::rssKb)),
                        mib(SoakMemory.mean(samples, 0, WINDOW, SoakMemory.Sample::heapUsedKb)) + " / "
                                + mib(SoakMemory.mean(samples, loadSeconds - WINDOW, Double.MAX_VALUE,
                                SoakMemory.Sample::heapUsedKb)),
                        mib(SoakMemory.mean(samples, 0, WINDOW, SoakMemory.Sample::heapCommittedKb)) + " / "
                                + mib(SoakMemory.mean(samples, loadSeconds - WINDOW, Double.MAX_VALUE,
                                SoakMemory.Sample::heapCommittedKb)),
                        mib(after.liveHeapKb()))
                .print(out);
        out.println("  RSS / heap used / heap committed every 10 s (MiB): " + timeline());
        out.println();

        out.println("Connections after the load");
        new Table("service fetch pool active", "idle (kept for reuse)", "drained within", "service sockets accepted/outgoing",
                "server connections metric", "bench client acquired", "bench open channels", "bench process sockets")
                .row(num(after.fetchActive()), num(after.fetchIdle()), f1(after.drainSeconds()) + " s",
                        sockets(after.serviceSockets()), num(after.serverActiveMetric()),
                        after.benchAcquired() + " (before close " + after.benchAcquiredBeforeClose() + ")",
                        after.benchOpenChannels() + " of " + after.benchOpenedChannels() + " opened",
                        after.benchSockets() == null ? "n/a" : String.valueOf(after.benchSockets().towardsService()))
                .print(out);
        out.println("  (service sockets: accepted = its server's side; outgoing = its fetch client's connections to "
                + "its own pile. Bench process sockets include the JDK client E2eService used for the health check.)");
        out.println("  WARN/ERROR lines in the service log: " + logProblems() + " (" + log + ")");
        out.println();

        boolean runsOk = !runs.isEmpty() && runs.stream().allMatch(SoakRun.Checked::meetsGoal);
        Table goals = new Table("goal", "figure", "result");
        goals.row("zero 500s from the service", "client-seen " + (render500 + runs500 + actuator500)
                + ", server-side " + server500, verdict(render500 + runs500 + actuator500 + server500 == 0));
        goals.row("zero 5xx on /api/render (every request answered)", render.ofClass(5) + " 5xx, "
                + render.transportErrors() + " unanswered, server-side " + serverRender5xx,
                verdict(render.ofClass(5) == 0 && render.transportErrors() == 0 && serverRender5xx == 0));
        goals.row("5,000 outcomes per run, exactly 500 failed, seqs once", runs.stream()
                .filter(SoakRun.Checked::meetsGoal).count() + " of " + runs.size() + " runs", verdict(runsOk));
        goals.row("RSS last 20 s within 20% of first 20 s", f2(rssRatio), verdict(rssRatio >= 0.8 && rssRatio <= 1.2));
        goals.row("client connections back to zero", "fetch active " + num(after.fetchActive()) + ", bench acquired "
                + after.benchAcquired() + ", bench open " + after.benchOpenChannels(),
                verdict(after.fetchActive() == 0 && after.benchAcquired() == 0 && after.benchOpenChannels() == 0));
        goals.print(out);
    }

    private String timeline() {
        StringBuilder line = new StringBuilder();
        for (double t = 0; t < loadSeconds; t += 10) {
            double from = t;
            List<SoakMemory.Sample> near = samples.stream().filter(s -> s.seconds() >= from).limit(1).toList();
            if (near.isEmpty()) {
                break;
            }
            SoakMemory.Sample s = near.get(0);
            line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0fs %d/%d/%d", s.seconds(),
                    s.rssKb() / 1024, s.heapUsedKb() / 1024, s.heapCommittedKb() / 1024));
        }
        return line.toString();
    }

    private int logProblems() {
        try (Stream<String> lines = Files.lines(log)) {
            return (int) lines.filter(line -> PROBLEM.matcher(line).matches()).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    private static String sockets(SoakConnections.Sockets s) {
        return s == null ? "n/a" : s.accepted() + "/" + s.towardsService();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String mib(double kb) {
        return Double.isNaN(kb) || kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
