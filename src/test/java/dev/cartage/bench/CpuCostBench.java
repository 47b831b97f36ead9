package dev.cartage.bench;

import dev.cartage.marshal.Document;
import dev.cartage.marshal.Marshaller;
import dev.cartage.marshal.Marshallers;
import dev.cartage.render.Format;
import dev.cartage.render.Renderers;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Issue 4 §5: the CPU cost of marshal + render per page, on the 181 pages of the extraction benchmark, for each
 * format — what the two CPU stages of a run spend on a real page. Per row: median and p99 ms per page on one
 * thread, pages/s on one thread and on every core (each thread takes every n-th page; no pipeline, no I/O).
 *
 * <pre>./mvnw -B -q -Pbench test-compile exec:exec -Dbench=cpu</pre>
 */
final class CpuCostBench {

    private static final int WARM_UP_PASSES = 3;
    private static final int TIMED_PASSES = 5;
    /** The goal of issue 4 §5: marshal + render together, on this 2-core machine. */
    private static final double GOAL_PAGES_PER_SECOND = 200;

    private CpuCostBench() {
    }

    private record Page(String url, byte[] html) {
    }

    static void run(PrintStream out) throws Exception {
        List<Page> pages = pages();
        Marshaller marshaller = new Marshallers(10 * 1024 * 1024, java.time.Duration.ofSeconds(2));
        Renderers renderers = new Renderers();
        int threads = Runtime.getRuntime().availableProcessors();
        out.printf("Marshal + render CPU cost: %d pages of the extraction benchmark, java %s, %d cores%n",
                pages.size(), System.getProperty("java.version"), threads);
        Table table = new Table("stages", "ms/page median", "ms/page p99", "pages/s 1 thread",
                "pages/s " + threads + " threads", "goal ≥ 200/s");
        measure(table, "marshal only", pages, page -> marshal(marshaller, page), threads);
        for (Format format : Format.values()) {
            measure(table, "marshal + " + format.wireName(), pages,
                    page -> renderers.render(marshal(marshaller, page), format), threads);
        }
        table.print(out);
    }

    private static Document marshal(Marshaller marshaller, Page page) {
        return marshaller.marshal(page.html(), "text/html;charset=UTF-8", page.url());
    }

    private static void measure(Table table, String name, List<Page> pages, Consumer<Page> work, int threads)
            throws Exception {
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            pages.forEach(work);
        }
        long[] nanos = new long[pages.size() * TIMED_PASSES];
        int k = 0;
        for (int i = 0; i < TIMED_PASSES; i++) {
            for (Page page : pages) {
                long start = System.nanoTime();
                work.accept(page);
                nanos[k++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double parallel = parallelPagesPerSecond(pages, work, threads);
        table.row(name, LittleBench.f2(nanos[nanos.length / 2] / 1e6),
                LittleBench.f2(nanos[(int) (nanos.length * 0.99)] / 1e6),
                LittleBench.f0(1e9 * nanos.length / Arrays.stream(nanos).sum()), LittleBench.f0(parallel),
                name.equals("marshal only") ? "" : parallel >= GOAL_PAGES_PER_SECOND ? "met" : "MISSED");
    }

    private static double parallelPagesPerSecond(List<Page> pages, Consumer<Page> work, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < TIMED_PASSES; i++) {
                        for (int j = offset; j < pages.size(); j += threads) {
                            work.accept(pages.get(j));
                        }
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
            return pages.size() * (double) TIMED_PASSES / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Page> pages() throws Exception {
        Path data = Path.of(System.getProperty("extract.data", "src/test/resources/article-extraction-benchmark"));
        JsonNode truth = E2eBench.JSON.readTree(Files.readString(data.resolve("ground-truth.json")));
        List<Page> pages = new ArrayList<>();
        for (String id : truth.propertyNames()) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve("html").resolve(id + ".html.gz")))) {
                pages.add(new Page(truth.get(id).get("url").asString(), in.readAllBytes()));
            }
        }
        return pages;
    }
}
