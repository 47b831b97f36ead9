package dev.cartage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How much CPU other processes used while a benchmark ran (Linux only): a daemon thread reads {@code /proc/[pid]/stat}
 * every 500 ms and adds up the CPU ticks of every process that is neither this JVM nor one of its descendants (the
 * JMH forks). On a shared 2-core machine this says how far the numbers can be trusted.
 */
final class ForeignLoad implements AutoCloseable {

    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Thread sampler;
    private final long startNanos = System.nanoTime();
    private final long self = ProcessHandle.current().pid();
    private Map<Long, Long> last = new HashMap<>();
    private long foreignTicks;
    private volatile boolean stop;
    private double busyCores = Double.NaN;

    private ForeignLoad() {
        last = sample(new HashSet<>());
        sampler = new Thread(this::loop, "foreign-load");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ForeignLoad start() {
        return new ForeignLoad();
    }

    /**
     * Waits, at most {@code limitSeconds}, until other processes use less than {@code maxCores} over 2 seconds, so
     * that the next measurement starts on a quiet machine (it may still get busy meanwhile: see {@link #cores}).
     * Returns the other processes' cores in the last window.
     */
    static double awaitQuiet(double maxCores, int limitSeconds) {
        long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
        double cores;
        int waited = 0;
        for (;;) {
            ForeignLoad probe = new ForeignLoad();
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            probe.close();
            cores = probe.cores();
            if (Double.isNaN(cores) || cores < maxCores || System.nanoTime() > deadline) {
                break;
            }
            waited += 2;
        }
        if (waited > 0) {
            System.err.printf(Locale.ROOT, "[quiet] waited %d s for other processes to calm down (now %.2f cores)%n",
                    waited, cores);
        }
        return cores;
    }

    /** Average cores used by other processes since {@link #start}; NaN if /proc is not readable. */
    double cores() {
        return busyCores;
    }

    String describe() {
        if (Double.isNaN(busyCores)) {
            return "other processes' CPU: unknown (no /proc)";
        }
        return String.format(Locale.ROOT, "other processes used %.2f cores on average meanwhile (load average now: %s)",
                busyCores, loadAverage());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(PROC.resolve("loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    @Override
    public void close() {
        stop = true;
        sampler.interrupt();
        try {
            sampler.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        step();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        busyCores = last.isEmpty() ? Double.NaN : foreignTicks / TICKS_PER_SECOND / seconds;
    }

    private void loop() {
        while (!stop) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            step();
        }
    }

    private synchronized void step() {
        Set<Long> ours = new HashSet<>();
        Map<Long, Long> now = sample(ours);
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            if (ours.contains(e.getKey())) {
                continue;
            }
            Long before = last.get(e.getKey());
            foreignTicks += before == null ? 0 : Math.max(0, e.getValue() - before);
        }
        last = now;
    }

    /** Ticks (utime + stime) of every process; fills {@code ours} with this JVM and its descendants. */
    private Map<Long, Long> sample(Set<Long> ours) {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, Long> parent = new HashMap<>();
        try (Stream<Path> dirs = Files.list(PROC)) {
            dirs.forEach(dir -> {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    return;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    // fields after the command name, which is in parentheses and may contain spaces
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    parent.put(pid, Long.parseLong(f[1]));
                    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        for (Long pid : ticks.keySet()) {
            Long p = pid;
            for (int depth = 0; p != null && p > 1 && depth < 64; depth++) {
                if (p == self) {
                    ours.add(pid);
                    break;
                }
                p = parent.get(p);
            }
        }
        return ticks;
    }
}
