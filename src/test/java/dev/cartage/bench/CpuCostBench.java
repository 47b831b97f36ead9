package dev.cartage.bench;

import dev.cartage.marshal.Document;
import dev.cartage.marshal.Marshaller;
import dev.cartage.marshal.Marshallers;
import dev.cartage.marshal.quality.BenchmarkPages;
import dev.cartage.marshal.quality.BenchmarkPages.Page;
import dev.cartage.render.Format;
import dev.cartage.render.Renderers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CPU cost of marshal + render per page on the 181 pages of the extraction benchmark, for each
 * format — what the two CPU stages of a run spend on a real page. Per row: median and p99 ms per page on one
 * thread, pages/s on one thread and on every core (each thread takes every n-th page; no pipeline, no I/O), and the
 * cores other processes used meanwhile (a row waits up to 60 s for a quiet machine first).
 *
 * <pre>./mvnw -B -q -Pbench test-compile exec:exec -Dbench=cpu</pre>
 */
final class CpuCostBench {

    private static final int JIT_WARM_UP_PASSES = 5;
    private static final int WARM_UP_PASSES = 3;
    private static final int TIMED_PASSES = 5;
    private static final int QUIET_WAIT_SECONDS = 60;
    /** The CPU-cost goal: marshal + render together, on this 2-core machine. */
    private static final double GOAL_PAGES_PER_SECOND = 200;

    private CpuCostBench() {
    }

    static void run(PrintStream out) throws Exception {
        Path data = Path.of(System.getProperty("extract.data", BenchmarkPages.IN_REPOSITORY.toString()));
        List<Page> pages = BenchmarkPages.read(data, BenchmarkPages.Half.ALL);
        Marshaller marshaller = new Marshallers(10 * 1024 * 1024, Duration.ofSeconds(2));
        Renderers renderers = new Renderers();
        int threads = Runtime.getRuntime().availableProcessors();
        out.printf("Marshal + render CPU cost: %d pages of %s, java %s, %d cores, %s%n", pages.size(),
                data.normalize(), System.getProperty("java.version"), threads, Instant.now());
        // warm the JIT on every path first, so that the first row is not the one paying for compilation
        for (int i = 0; i < JIT_WARM_UP_PASSES; i++) {
            for (Page page : pages) {
                Document document = marshal(marshaller, page);
                for (Format format : Format.values()) {
                    if (document != null) {
                        renderers.render(document, format);
                    }
                }
            }
        }
        Table table = new Table("stages", "ms/page median", "ms/page p99", "pages/s 1 thread",
                "pages/s " + threads + " threads", "goal ≥ 200/s", "other CPU");
        measure(table, "marshal only", pages, page -> marshal(marshaller, page), threads);
        for (Format format : Format.values()) {
            measure(table, "marshal + " + format.wireName(), pages, page -> {
                Document document = marshal(marshaller, page);
                if (document != null) {
                    renderers.render(document, format);
                }
            }, threads);
        }
        // the first row measured tends to read slower (heap and JIT still settling); measured again last to show it
        measure(table, "marshal only, again", pages, page -> marshal(marshaller, page), threads);
        table.print(out);
        out.println("other CPU = cores used on average by other processes while that row ran; load average now: "
                + ForeignLoad.loadAverage());
    }

    /** The page's document, or null for a page that fails (it still costs its marshal time, as in a run). */
    private static Document marshal(Marshaller marshaller, Page page) {
        try {
            return marshaller.marshal(page.html(), "text/html;charset=UTF-8", page.url());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void measure(Table table, String name, List<Page> pages, Consumer<Page> work, int threads)
            throws Exception {
        ForeignLoad.awaitQuiet(Bench.QUIET_CORES, QUIET_WAIT_SECONDS);
        ForeignLoad load = ForeignLoad.start();
        long[] nanos = PagePasses.oneThread(pages, work, WARM_UP_PASSES, TIMED_PASSES);
        double parallel = PagePasses.pagesPerSecond(pages, work, threads, TIMED_PASSES);
        load.close();
        table.row(name, PagePasses.median(nanos, 1e6), PagePasses.p99(nanos, 1e6), PagePasses.rate(nanos),
                LittleBench.f0(parallel),
                name.startsWith("marshal only") ? "" : parallel >= GOAL_PAGES_PER_SECOND ? "met" : "MISSED",
                LittleBench.f2(load.cores()));
    }
}
