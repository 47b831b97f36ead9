package dev.cartage.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Simulated CPU work: a calibrated number of iterations of a dependent multiply-add chain, so that a "2 ms" item
 * really costs 2 ms of CPU (if its thread is descheduled, the item takes longer, as real work would), unlike a
 * loop that waits for the clock to reach a deadline.
 */
final class Spin {

    private static volatile long sink;

    private final double iterationsPerNano;

    private Spin(double iterationsPerNano) {
        this.iterationsPerNano = iterationsPerNano;
    }

    /**
     * Measures the loop on this thread with {@code System.nanoTime}: after a warm-up that gets {@code burn} compiled
     * as an ordinary method, the fastest of 200 rounds of about 2 ms (short rounds are rarely preempted, so the
     * fastest one is the loop's real speed even on a busy machine).
     */
    static Spin calibrate() {
        for (int i = 0; i < 3_000; i++) {
            burn(20_000);
        }
        long iterations = 1_000_000;
        double best = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            burn(iterations);
            best = Math.max(best, iterations / (double) (System.nanoTime() - start));
        }
        return new Spin(best);
    }

    /** Burns about {@code nanos} of CPU on the calling thread. */
    void work(long nanos) {
        burn((long) (nanos * iterationsPerNano));
    }

    double iterationsPerNano() {
        return iterationsPerNano;
    }

    /** CPU time, in milliseconds, that {@code work(nanos)} takes on this thread (a check of the calibration). */
    double checkMillis(long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int repeats = 50;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < repeats; i++) {
            work(nanos);
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / repeats;
    }

    private static void burn(long iterations) {
        long x = iterations;
        for (long i = 0; i < iterations; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        if (x == 42) {
            sink = x;
        }
    }
}
