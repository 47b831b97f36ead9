package dev.cartage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cartage.support.EmbeddedPostgres;
import dev.cartage.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * What storing runs costs: the same pile run, delivered to the store, on the three run stores side by side.
 *
 * <ol>
 *   <li>Throughput: for each store (memory; H2 in a fresh temporary data directory; PostgreSQL in a fresh embedded
 *       database) a fresh service process runs a warm-up pile run, then the timed run ({@code pages} pages, format
 *       markdown, {@code deliver.to = store}); pages/s is succeeded / the run's own {@code createdAt → finishedAt}.
 *       Repeated {@code repeats} times, store by store interleaved, each repeat on a fresh process; the median
 *       counts. The goal is each database store at least 0.9x memory.</li>
 *   <li>Reading back: after each timed run, {@code GET /api/runs/{id}/results} as NDJSON, read to the end, lines
 *       counted; outcomes/s. Goal at least 5,000/s.</li>
 *   <li>Memory: the peak resident set ({@code VmHWM}, and the largest {@code VmRSS} sampled every 200 ms) of the
 *       service process after a {@code pages}-page run and, on another fresh process, after a {@code large}-page
 *       run, with the heap committed and touched up front ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}) so
 *       that only memory outside the heap can grow. Goal for the database store: large within 10 % of small. The
 *       memory store is measured too, for contrast.</li>
 * </ol>
 *
 * <p>Every service process runs with the same JVM options (those of {@link ServiceProcess}, plus the heap settings
 * above), so throughput rows are comparable. Also printed per timed run: the service's CPU per page (from
 * {@code /proc/<pid>/stat}), PostgreSQL's own CPU (its postmaster and backends), how many cores other processes
 * used meanwhile, and the service's CPU by thread group, a cheap profile of where the time went.
 *
 * <p>Words after {@code store} in {@code -Dbench}: {@code repeats=N} (3), {@code pages=N} (20000),
 * {@code large=N} (60000), {@code warmup=N} (2000), {@code heap=512m}, {@code nocontrast} (no large run on the
 * memory store), {@code quick} (2000 / 6000 / 500, one repeat: a smoke run). The read path is warmed, untimed, by
 * reading back the warm-up run first.
 */
final class StoreBench {

    enum Store {
        MEMORY("memory"), H2("h2"), POSTGRES("postgresql");

        final String label;

        Store(String label) {
            this.label = label;
        }
    }

    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);
    private static final long POLL_MILLIS = 200;
    private static final double TICKS = 100.0; // USER_HZ
    private static final HttpClient HTTP = E2eBench.http();

    private final PrintStream out;
    private final int repeats;
    private final int pages;
    private final int large;
    private final int warmup;
    private final String heap;
    private final boolean contrast;

    private StoreBench(PrintStream out, int repeats, int pages, int large, int warmup, String heap, boolean contrast) {
        this.contrast = contrast;
        this.out = out;
        this.repeats = repeats;
        this.pages = pages;
        this.large = large;
        this.warmup = warmup;
        this.heap = heap;
    }

    /** One timed run on one process. */
    record Measured(Store store, int pages, int repeat, String id, double runSeconds, double wallSeconds,
                    long succeeded, long failed, double svcCpuSeconds, double dbCpuSeconds, double foreignCores,
                    long hwmAfterWarmupKb, long hwmKb, long maxRssKb, Map<String, Long> threadTicks,
                    long readLines, long readBytes, double readSeconds, String problem) {

        double pagesPerSecond() {
            return succeeded / runSeconds;
        }

        double readPerSecond() {
            return readLines / readSeconds;
        }

        boolean ok() {
            return problem == null;
        }
    }

    static void run(PrintStream out, Set<String> words) throws Exception {
        boolean quick = words.contains("quick");
        int repeats = number(words, "repeats", quick ? 1 : 3);
        int pages = number(words, "pages", quick ? 2_000 : 20_000);
        int large = number(words, "large", quick ? 6_000 : 60_000);
        int warmup = number(words, "warmup", quick ? 500 : 2_000);
        String heap = words.stream().filter(w -> w.startsWith("heap=")).map(w -> w.substring(5)).findFirst()
                .orElse("512m");
        new StoreBench(out, repeats, pages, large, warmup, heap, !words.contains("nocontrast")).run();
    }

    private static int number(Set<String> words, String key, int otherwise) {
        return words.stream().filter(w -> w.startsWith(key + "=")).map(w -> Integer.parseInt(w.substring(key.length() + 1)))
                .findFirst().orElse(otherwise);
    }

    private void run() throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        long benchStart = System.nanoTime();
        out.println("== Run stores: throughput, reading back, memory ==");
        out.println("command: ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=\"store repeats=" + repeats
                + (pages != 20_000 ? " pages=" + pages : "") + (large != 60_000 ? " large=" + large : "")
                + (warmup != 2_000 ? " warmup=" + warmup : "") + (heap.equals("512m") ? "" : " heap=" + heap)
                + (contrast ? "" : " nocontrast") + "\"");
        out.println("service JVM: " + String.join(" ", jvmOptions()) + " (plus ServiceProcess's -Xmx512m "
                + "-XX:+UseSerialGC, overridden by the -Xmx here), started from the test classpath");
        out.println("run: {\"sources\":[{\"pile\":{\"count\":N}}],\"format\":\"markdown\",\"deliver\":{\"to\":\"store\"}}"
                + "; warm-up " + warmup + " pages on each process first");
        out.println("load average before: " + loadBefore);
        out.println();

        List<Measured> throughput = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            for (Store store : Store.values()) {
                Measured m = measure(store, pages, r, true);
                throughput.add(m);
                progress(m);
            }
        }
        List<Measured> memory = new ArrayList<>();
        for (Store store : contrast ? List.of(Store.H2, Store.MEMORY) : List.of(Store.H2)) {
            Measured m = measure(store, large, 1, false);
            memory.add(m);
            progress(m);
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();

        printRuns(throughput, memory);
        printThroughput(throughput);
        printMemory(throughput, memory);
        printProfile(throughput);
        out.printf(Locale.ROOT, "load average before: %s; after: %s; the bench took %.1f min%n", loadBefore,
                loadAfter, (System.nanoTime() - benchStart) / 60e9);
    }

    private List<String> jvmOptions() {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch");
    }

    private void progress(Measured m) {
        System.err.printf(Locale.ROOT, "[store] %s %d pages #%d: %s%n", m.store().label, m.pages(), m.repeat(),
                m.ok() ? String.format(Locale.ROOT, "%.1f pages/s, HWM %d MiB, read back %.0f/s",
                        m.pagesPerSecond(), m.hwmKb() / 1024, m.readSeconds() > 0 ? m.readPerSecond() : Double.NaN)
                        : m.problem());
    }

    /** A fresh process for {@code store}: warm-up, the timed run of {@code count} pages, then (if asked) reading back. */
    private Measured measure(Store store, int count, int repeat, boolean readBack) throws Exception {
        Path dataDir = Files.createTempDirectory("cartage-store-bench-");
        ServiceProcess.Builder builder = ServiceProcess.builder().name("store-bench-" + store.label)
                .property("cartage.pile.max-count", Integer.toString(Math.max(100_000, count)))
                .property("cartage.data-dir", dataDir.toString());
        jvmOptions().forEach(builder::jvmOption);
        int pgPort = -1;
        switch (store) {
            case MEMORY -> builder.property("cartage.store", "memory");
            case H2 -> builder.property("cartage.store", "database");
            case POSTGRES -> {
                EmbeddedPostgres.Database db = EmbeddedPostgres.freshDatabase();
                pgPort = EmbeddedPostgres.port();
                builder.property("cartage.store", "database")
                        .property("spring.r2dbc.url", db.r2dbcUrl())
                        .property("spring.r2dbc.username", db.user())
                        .property("spring.r2dbc.password", db.password());
            }
        }
        try (ServiceProcess service = builder.start()) {
            service.awaitReady(Duration.ofMinutes(2));
            URI base = URI.create(service.baseUrl());
            try {
                Polled warm = runToEnd(base, service.pid(), warmup);
                if (!"completed".equals(warm.status().path("status").asString())) {
                    throw new IllegalStateException("warm-up ended " + warm.status());
                }
                if (readBack) {
                    readAll(base, warm.id()); // the read path warmed too, untimed
                }
                long hwmWarm = procStatusKb(service.pid(), "VmHWM");
                Map<String, Long> threadsBefore = E2eService.threadTicks(service.pid());
                long cpuBefore = cpuTicks(service.pid());
                long dbBefore = pgPort < 0 ? 0 : postgresTicks(pgPort);
                ForeignLoad foreign = ForeignLoad.start();
                Polled run;
                try {
                    run = runToEnd(base, service.pid(), count);
                } finally {
                    foreign.close();
                }
                long cpuAfter = cpuTicks(service.pid());
                long dbAfter = pgPort < 0 ? 0 : postgresTicks(pgPort);
                Map<String, Long> threads = delta(threadsBefore, E2eService.threadTicks(service.pid()));
                long hwm = procStatusKb(service.pid(), "VmHWM");
                JsonNode status = run.status();
                double runSeconds = Duration.between(Instant.parse(status.path("createdAt").asString()),
                        Instant.parse(status.path("finishedAt").asString())).toNanos() / 1e9;
                long succeeded = status.path("items").path("succeeded").asLong();
                long failed = status.path("items").path("failed").asLong();
                String problem = "completed".equals(status.path("status").asString()) && succeeded == count ? null
                        : "ended " + status.path("status").asString() + " with " + succeeded + " ok / " + failed
                        + " failed: " + status.path("error").asString("");
                long lines = 0;
                long bytes = 0;
                double readSeconds = 0;
                if (readBack && problem == null) {
                    long start = System.nanoTime();
                    long[] read = readAll(base, run.id());
                    readSeconds = (System.nanoTime() - start) / 1e9;
                    lines = read[1];
                    bytes = read[2];
                    if (read[0] != 200 || lines != succeeded + failed) {
                        problem = "reading back answered " + read[0] + " with " + lines + " lines";
                    }
                }
                return new Measured(store, count, repeat, run.id(), runSeconds, run.wallSeconds(), succeeded, failed,
                        (cpuAfter - cpuBefore) / TICKS, (dbAfter - dbBefore) / TICKS, foreign.cores(), hwmWarm, hwm,
                        run.maxRssKb(), threads, lines, bytes, readSeconds, problem);
            } catch (IOException | RuntimeException e) {
                String text = String.valueOf(e);
                return failed(store, count, repeat, text.substring(0, Math.min(160, text.length())) + "; see "
                        + service.logFile());
            }
        } catch (RuntimeException e) {
            return failed(store, count, repeat, e.getMessage().lines().findFirst().orElse(e.toString()));
        } finally {
            deleteTree(dataDir);
        }
    }

    /** GET /api/runs/{id}/results as NDJSON, read to the end: {status, lines, bytes}. */
    private static long[] readAll(URI base, String id) throws IOException, InterruptedException {
        HttpResponse<InputStream> results = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/runs/" + id + "/results"))
                        .timeout(Duration.ofMinutes(10)).header("Accept", "application/x-ndjson").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (InputStream body = results.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[] {results.statusCode(), lines, bytes};
    }

    private static Measured failed(Store store, int count, int repeat, String problem) {
        return new Measured(store, count, repeat, null, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN,
                Double.NaN, -1, -1, -1, Map.of(), 0, 0, 0, problem);
    }

    record Polled(String id, JsonNode status, double wallSeconds, long maxRssKb) {
    }

    private static Polled runToEnd(URI base, long pid, int count) throws IOException, InterruptedException {
        String body = "{\"sources\":[{\"pile\":{\"count\":" + count + "}}],\"format\":\"markdown\","
                + "\"deliver\":{\"to\":\"store\"}}";
        long start = System.nanoTime();
        HttpResponse<String> accepted;
        long ready = start + Duration.ofMinutes(2).toNanos();
        while (true) {
            accepted = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/runs"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // readiness does not wait for the store's migrations: a 503 says they are not done yet
            if (accepted.statusCode() != 503 || System.nanoTime() > ready) {
                break;
            }
            Thread.sleep(500);
            start = System.nanoTime();
        }
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST /api/runs answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String id = E2eBench.JSON.readTree(accepted.body()).get("id").asString();
        URI status = base.resolve("/api/runs/" + id);
        long maxRss = procStatusKb(pid, "VmRSS");
        long deadline = start + RUN_LIMIT.toNanos();
        while (true) {
            Thread.sleep(POLL_MILLIS);
            maxRss = Math.max(maxRss, procStatusKb(pid, "VmRSS"));
            HttpResponse<String> answer = E2eBench.get(HTTP, status);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + status + " answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode run = E2eBench.JSON.readTree(answer.body());
            if (!"running".equals(run.path("status").asString())) {
                return new Polled(id, run, (System.nanoTime() - start) / 1e9, Math.max(maxRss, procStatusKb(pid, "VmRSS")));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + id + " still running after " + RUN_LIMIT);
            }
        }
    }

    // ---- /proc ----

    static long procStatusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    /** utime + stime of a process, in clock ticks; 0 if it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /**
     * CPU ticks of the embedded PostgreSQL listening on {@code port}: its postmaster (the {@code postgres} process
     * whose command line names the port) and its direct children (backends, writer, WAL writer...). Ticks of
     * backends that ended meanwhile are lost, so this is a lower bound.
     */
    static long postgresTicks(int port) {
        List<Long> pids = pids();
        Long postmaster = null;
        for (long pid : pids) {
            try {
                String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
                if (cmdline.contains("postgres") && (cmdline.contains("-p " + port + " ")
                        || cmdline.endsWith("-p " + port) || cmdline.contains("port=" + port))) {
                    postmaster = pid;
                    break;
                }
            } catch (IOException | RuntimeException gone) {
                // ended
            }
        }
        if (postmaster == null) {
            return 0;
        }
        long ticks = cpuTicks(postmaster);
        for (long pid : pids) {
            if (parent(pid) == postmaster) {
                ticks += cpuTicks(pid);
            }
        }
        return ticks;
    }

    private static List<Long> pids() {
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind
        }
    }

    // ---- tables ----

    private void printRuns(List<Measured> throughput, List<Measured> memory) {
        out.println("-- every timed run (fresh process each; run s = the run's createdAt -> finishedAt) --");
        Table t = new Table("store", "pages", "#", "status", "run s", "pages/s", "svc CPU ms/page", "pg CPU ms/page",
                "other procs", "HWM after warm-up", "peak RSS (HWM)", "max RSS sampled", "read back", "read s",
                "outcomes/s", "MiB read");
        for (Measured m : concat(throughput, memory)) {
            if (!m.ok() && m.id() == null) {
                t.row(m.store().label, m.pages(), m.repeat(), "FAILED: " + m.problem(), "", "", "", "", "", "", "",
                        "", "", "", "", "");
                continue;
            }
            boolean read = m.readSeconds() > 0;
            t.row(m.store().label, m.pages(), m.repeat(), m.ok() ? "ok" : m.problem(),
                    LittleBench.f1(m.runSeconds()), LittleBench.f1(m.pagesPerSecond()), LittleBench.f2(1000 * m.svcCpuSeconds() / m.succeeded()),
                    m.store() == Store.POSTGRES ? LittleBench.f2(1000 * m.dbCpuSeconds() / m.succeeded()) : "-",
                    LittleBench.f2(m.foreignCores()), E2eBench.mib(m.hwmAfterWarmupKb()), E2eBench.mib(m.hwmKb()), E2eBench.mib(m.maxRssKb()),
                    read ? Long.toString(m.readLines()) : "-", read ? LittleBench.f2(m.readSeconds()) : "-",
                    read ? LittleBench.f0(m.readPerSecond()) : "-", read ? LittleBench.f1(m.readBytes() / 1048576.0) : "-");
        }
        t.print(out);
        out.println("other procs = cores used on average by processes other than the bench and its service during the "
                + "timed run (PostgreSQL's own processes count there too; pg CPU shows them separately).");
        out.println();
    }

    private void printThroughput(List<Measured> runs) {
        out.println("-- summary: " + pages + "-page run, deliver to store, median of " + repeats + " --");
        double memory = median(runs, Store.MEMORY, Measured::pagesPerSecond);
        double memoryCpu = median(runs, Store.MEMORY, m -> 1000 * m.svcCpuSeconds() / m.succeeded());
        Table t = new Table("store", "pages/s (median)", "min-max", "vs memory", "goal >= 0.90",
                "svc CPU ms/page", "+ pg CPU ms/page", "CPU/page vs memory", "read back outcomes/s (median)",
                "goal >= 5000");
        for (Store store : Store.values()) {
            double rate = median(runs, store, Measured::pagesPerSecond);
            double cpu = median(runs, store, m -> 1000 * m.svcCpuSeconds() / m.succeeded());
            double pg = store == Store.POSTGRES ? median(runs, store, m -> 1000 * m.dbCpuSeconds() / m.succeeded()) : 0;
            double read = median(runs, store, Measured::readPerSecond);
            double ratio = rate / memory;
            t.row(store.label, LittleBench.f1(rate), LittleBench.f1(min(runs, store, Measured::pagesPerSecond)) + "-"
                            + LittleBench.f1(max(runs, store, Measured::pagesPerSecond)),
                    LittleBench.f2(ratio), store == Store.MEMORY ? "-" : (ratio >= 0.9 ? "holds" : "MISSED"),
                    LittleBench.f2(cpu), store == Store.POSTGRES ? LittleBench.f2(pg) : "-", LittleBench.f2((cpu + pg) / memoryCpu), LittleBench.f0(read),
                    read >= 5000 ? "holds" : "MISSED");
        }
        t.print(out);
        out.println("CPU/page vs memory = (service + PostgreSQL CPU per page) / the memory store's: what storing costs "
                + "whatever share of the 2 cores each run got.");
        out.println();
    }

    private void printMemory(List<Measured> small, List<Measured> large) {
        out.println("-- memory: peak RSS with the heap committed up front (-Xms = -Xmx = " + heap
                + ", AlwaysPreTouch) --");
        Table t = new Table("store", "pages", "HWM after warm-up", "peak RSS (HWM)", "max RSS sampled",
                "vs " + pages + " pages", "goal <= 1.10");
        for (Store store : List.of(Store.H2, Store.MEMORY)) {
            double smallHwm = median(small, store, m -> m.hwmKb());
            t.row(store.label, pages, "", E2eBench.mib((long) smallHwm), "", "1.00", "");
            for (Measured m : large) {
                if (m.store() == store) {
                    double ratio = m.hwmKb() / smallHwm;
                    t.row(store.label, m.pages(), E2eBench.mib(m.hwmAfterWarmupKb()), m.ok() || m.hwmKb() > 0 ? E2eBench.mib(m.hwmKb())
                                    : "FAILED: " + m.problem(), E2eBench.mib(m.maxRssKb()), LittleBench.f3(ratio),
                            store == Store.H2 ? (ratio <= 1.10 ? "holds" : "MISSED") : "(contrast)");
                }
            }
        }
        t.print(out);
        out.println(pages + "-page row: median HWM of the throughput runs above (same JVM options).");
        out.println();
    }

    private void printProfile(List<Measured> runs) {
        out.println("-- where the service's CPU went during the timed " + pages + "-page runs (first repeat; "
                + "CPU s by thread group, top 8) --");
        for (Store store : Store.values()) {
            runs.stream().filter(m -> m.store() == store && m.ok()).findFirst().ifPresent(m -> {
                String top = m.threadTicks().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                        .map(e -> e.getKey() + " " + LittleBench.f1(e.getValue() / TICKS))
                        .collect(Collectors.joining(", "));
                out.println(store.label + ": " + top);
            });
        }
        out.println();
    }

    private static List<Measured> concat(List<Measured> a, List<Measured> b) {
        List<Measured> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double[] values(List<Measured> runs, Store store, ToDoubleFunction<Measured> f) {
        return runs.stream().filter(m -> m.store() == store && m.ok()).mapToDouble(f).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
    }

    private static double median(List<Measured> runs, Store store, ToDoubleFunction<Measured> f) {
        double[] v = values(runs, store, f);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Measured> runs, Store store, ToDoubleFunction<Measured> f) {
        double[] v = values(runs, store, f);
        return v.length == 0 ? Double.NaN : v[0];
    }

    private static double max(List<Measured> runs, Store store, ToDoubleFunction<Measured> f) {
        double[] v = values(runs, store, f);
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

}
