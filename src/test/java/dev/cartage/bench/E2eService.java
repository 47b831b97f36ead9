package dev.cartage.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * The packaged service running as a separate process for {@link E2eBench}: started with {@code java -jar} on a
 * free port, its output in a log file, stopped (SIGTERM, then SIGKILL after 30 s) on {@link #close()}.
 */
final class E2eService implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);
    private static final long POLL_MILLIS = 100;
    private static final Pattern THREAD_NUMBER = Pattern.compile("[-#]?\\d+$");
    private static final Pattern PROBLEM = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s.*");

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http = E2eBench.http();

    private E2eService(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the jar and returns once {@code /actuator/health} answers UP. */
    static E2eService start(Path jar, List<String> jvmArgs, Path log) throws IOException, InterruptedException {
        int port = E2eBench.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // an interrupted bench (Ctrl-C, a timeout) must not leave the service running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "e2e-service-reaper"));
        E2eService service = new E2eService(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            service.awaitHealthy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue()
                        + " before it was healthy; see " + log);
            }
            try {
                HttpResponse<String> health = E2eBench.get(http, base.resolve("/actuator/health"));
                if (health.statusCode() == 200 && "UP".equals(E2eBench.JSON.readTree(health.body())
                        .path("status").asString())) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service was not healthy within " + STARTUP + "; see " + log);
    }

    /** The service's address, such as {@code http://127.0.0.1:41234}. */
    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** POSTs the scenario's run and polls it every 100 ms until its status is no longer running. */
    E2eBench.Polled runToEnd(E2eBench.Scenario scenario) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("/api/runs"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(scenario.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST /api/runs answered " + accepted.statusCode() + ": "
                    + accepted.body());
        }
        String id = E2eBench.JSON.readTree(accepted.body()).get("id").asString();
        URI status = base.resolve("/api/runs/" + id);
        long maxRss = procStatusKb("VmRSS");
        long deadline = start + RUN_LIMIT.toNanos();
        while (true) {
            Thread.sleep(POLL_MILLIS);
            maxRss = Math.max(maxRss, procStatusKb("VmRSS"));
            HttpResponse<String> answer = E2eBench.get(http, status);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + status + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            JsonNode run = E2eBench.JSON.readTree(answer.body());
            if (!"running".equals(run.get("status").asString())) {
                double wall = (System.nanoTime() - start) / 1e9;
                return new E2eBench.Polled(run, wall, Math.max(maxRss, procStatusKb("VmRSS")));
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("run " + id + " still running after " + RUN_LIMIT
                        + " or the service died; last status " + run + "; see " + log);
            }
        }
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, such as VmRSS or VmHWM. */
    long procStatusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
    }

    /** User plus system CPU time of the service so far, in clock ticks. */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is fields[0], utime is field 14 of the whole line, i.e. fields[11]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * CPU ticks (user + system) of the service's live threads, summed by thread group: the thread's name with its
     * number taken off ({@code cartage-cpu-1} -> {@code cartage-cpu}, {@code GC Thread#0} -> {@code GC Thread}).
     * Linux truncates names to 15 characters. Threads that ended are missing, so deltas are lower bounds.
     */
    Map<String, Long> threadTicks() throws IOException {
        return threadTicks(pid());
    }

    /** {@link #threadTicks()} of any process. */
    static Map<String, Long> threadTicks(long pid) throws IOException {
        Map<String, Long> groups = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                groups.merge(THREAD_NUMBER.matcher(name).replaceAll(""), ticks, Long::sum);
            }
        }
        return groups;
    }

    /** {count, total seconds} of GC pauses so far, from the actuator's jvm.gc.pause timer. */
    double[] gcPauses() throws IOException, InterruptedException {
        HttpResponse<String> answer = E2eBench.get(http, base.resolve("/actuator/metrics/jvm.gc.pause"));
        if (answer.statusCode() != 200) {
            return new double[] {0, 0};
        }
        double count = 0;
        double total = 0;
        for (JsonNode m : E2eBench.JSON.readTree(answer.body()).path("measurements")) {
            switch (m.path("statistic").asString()) {
                case "COUNT" -> count = m.path("value").asDouble();
                case "TOTAL_TIME" -> total = m.path("value").asDouble();
                default -> {
                }
            }
        }
        return new double[] {count, total};
    }

    /** A heap gauge of the actuator ({@code jvm.memory.used}, {@code jvm.memory.committed}), in kB; -1 if absent. */
    long heapKb(String metric) throws IOException, InterruptedException {
        HttpResponse<String> answer = E2eBench.get(http, base.resolve("/actuator/metrics/" + metric + "?tag=area:heap"));
        if (answer.statusCode() != 200) {
            return -1;
        }
        for (JsonNode m : E2eBench.JSON.readTree(answer.body()).path("measurements")) {
            if ("VALUE".equals(m.path("statistic").asString())) {
                return (long) (m.path("value").asDouble() / 1024);
            }
        }
        return -1;
    }

    /**
     * The heap in use after a full GC ({@code jcmd <pid> GC.run}), in kB: what the service still holds on to, as
     * opposed to garbage the collector had no reason to collect yet. -1 if jcmd is not available.
     */
    long liveHeapAfterFullGcKb() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            gc.destroyForcibly();
            return -1;
        }
        return heapKb("jvm.memory.used");
    }

    /** WARN and ERROR lines in the service's log so far. */
    int logProblems() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return (int) lines.filter(line -> PROBLEM.matcher(line).matches()).count();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
