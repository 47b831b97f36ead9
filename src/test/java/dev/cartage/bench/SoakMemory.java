package dev.cartage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * The service's memory, sampled every second while the soak's load runs: its resident set ({@code VmRSS} of
 * {@code /proc/<pid>/status}) and, to tell a growing heap from other memory, the heap used and committed (actuator
 * {@code jvm.memory.used} / {@code jvm.memory.committed}, area heap; the latest value read, asked on another thread).
 * A sample is kept with its time since the
 * sampler started, so that the first and the last 20 s of the load can be compared.
 */
final class SoakMemory implements AutoCloseable {

    /** One sample: seconds since start, resident set, heap used and committed, all in kB (-1 if unreadable). */
    record Sample(double seconds, long rssKb, long heapUsedKb, long heapCommittedKb) {
    }

    private final long pid;
    private final SoakClient client;
    private final List<Sample> samples = new ArrayList<>();
    private volatile long heapUsedKb = -1;
    private volatile long heapCommittedKb = -1;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "soak-memory");
        t.setDaemon(true);
        return t;
    });
    private long start;

    SoakMemory(long pid, SoakClient client) {
        this.pid = pid;
        this.client = client;
    }

    void start() {
        start = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        // the heap is asked over HTTP, which may be slow under load: on its own thread, so RSS samples stay 1 s apart
        timer.scheduleWithFixedDelay(this::sampleHeap, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        double seconds = (System.nanoTime() - start) / 1e9;
        long rss = rssKb(pid);
        synchronized (samples) {
            samples.add(new Sample(seconds, rss, heapUsedKb, heapCommittedKb));
        }
    }

    private void sampleHeap() {
        heapUsedKb = heapKb("jvm.memory.used");
        heapCommittedKb = heapKb("jvm.memory.committed");
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return -1;
    }

    private long heapKb(String metric) {
        try {
            SoakClient.Answer answer = client.get("/actuator/metrics/" + metric + "?tag=area:heap", "actuator")
                    .block(Duration.ofSeconds(60));
            if (answer == null || answer.status() != 200) {
                return -1;
            }
            for (JsonNode m : E2eBench.JSON.readTree(answer.body()).path("measurements")) {
                if ("VALUE".equals(m.path("statistic").asString())) {
                    return (long) (m.path("value").asDouble() / 1024);
                }
            }
        } catch (RuntimeException slow) {
            // a sample lost under load; the others stand
        }
        return -1;
    }

    /** Stops sampling; the samples taken stay. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Mean of {@code field} over the samples in [from, to) seconds, ignoring unreadable (-1) ones; NaN if none. */
    static double mean(List<Sample> samples, double from, double to, java.util.function.ToLongFunction<Sample> field) {
        return samples.stream().filter(s -> s.seconds() >= from && s.seconds() < to)
                .mapToLong(field).filter(v -> v >= 0).average().orElse(Double.NaN);
    }

    static long max(List<Sample> samples, java.util.function.ToLongFunction<Sample> field) {
        return samples.stream().mapToLong(field).max().orElse(-1);
    }
}
