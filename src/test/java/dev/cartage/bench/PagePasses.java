package dev.cartage.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Times a piece of work over a set of pages, the way the marshal and render benches measure CPU cost: warm-up
 * passes, then timed passes on one thread (per-page times), and a throughput pass on every core where each thread
 * takes every n-th page.
 */
final class PagePasses {

    private PagePasses() {
    }

    /** The per-page times of {@code timed} passes after {@code warmUp} untimed ones, sorted, in nanoseconds. */
    static <P> long[] oneThread(List<P> pages, Consumer<P> work, int warmUp, int timed) {
        for (int i = 0; i < warmUp; i++) {
            pages.forEach(work);
        }
        long[] nanos = new long[pages.size() * timed];
        int k = 0;
        for (int i = 0; i < timed; i++) {
            for (P page : pages) {
                long start = System.nanoTime();
                work.accept(page);
                nanos[k++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** Pages per second over {@code passes} passes with {@code threads} threads sharing the pages. */
    static <P> double pagesPerSecond(List<P> pages, Consumer<P> work, int threads, int passes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < passes; i++) {
                        for (int j = offset; j < pages.size(); j += threads) {
                            work.accept(pages.get(j));
                        }
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
            return pages.size() * (double) passes / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static String median(long[] sortedNanos, double unit) {
        return LittleBench.f2(sortedNanos[sortedNanos.length / 2] / unit);
    }

    static String p99(long[] sortedNanos, double unit) {
        return LittleBench.f2(sortedNanos[(int) (sortedNanos.length * 0.99)] / unit);
    }

    static String rate(long[] sortedNanos) {
        return LittleBench.f0(1e9 * sortedNanos.length / Arrays.stream(sortedNanos).sum());
    }
}
