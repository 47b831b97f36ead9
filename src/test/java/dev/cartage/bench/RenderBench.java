package dev.cartage.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cartage.marshal.Document;
import dev.cartage.marshal.HtmlMarshaller;
import dev.cartage.render.Format;
import dev.cartage.render.Renderers;
import dev.cartage.marshal.quality.BenchmarkPages;
import dev.cartage.marshal.quality.BenchmarkPages.Page;

/**
 * The render stage's CPU cost per format on the 181 pages of the shared article-extraction benchmark
 * ({@code src/test/resources/article-extraction-benchmark}, or {@code -Dextract.data=...}): the pages are marshaled
 * once, untimed, then each format renders every document {@value #TIMED_PASSES} times after
 * {@value #WARM_UP_PASSES} warm-up passes, on one thread. Marshal and render together, the figure the issue's
 * goal of 200 pages/s is about, is {@code -Dbench=cpu} ({@link CpuCostBench}).
 *
 * <pre>
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=render
 * </pre>
 */
final class RenderBench {

    private static final int WARM_UP_PASSES = 5;
    private static final int TIMED_PASSES = 10;
    /** Before each row, wait up to this long for other processes to calm down (they share the 2 cores). */
    private static final int QUIET_WAIT_SECONDS = 30;

    private RenderBench() {
    }

    static void run(PrintStream out) throws Exception {
        Path data = Path.of(System.getProperty("extract.data", BenchmarkPages.IN_REPOSITORY.toString()));
        List<Page> pages = BenchmarkPages.read(data, BenchmarkPages.Half.ALL);
        HtmlMarshaller marshaller = new HtmlMarshaller(10 * 1024 * 1024);
        List<Document> documents = new ArrayList<>();
        for (Page page : pages) {
            try {
                documents.add(marshaller.marshal(page.html(), "text/html;charset=UTF-8", page.url()));
            } catch (RuntimeException e) {
                // a page without text fails in marshal and never reaches render
            }
        }
        Renderers renderers = new Renderers();
        int threads = Runtime.getRuntime().availableProcessors();

        out.printf("Render bench: %d of %d pages marshaled, %s, java %s, %d cores, %s%n", documents.size(),
                pages.size(), data.normalize(), System.getProperty("java.version"), threads, Instant.now());
        Table table = new Table("format", "µs/page median", "µs/page p99", "pages/s 1 thread", "KiB/page mean",
                "other CPU");
        for (Format format : Format.values()) {
            ForeignLoad.awaitQuiet(Bench.QUIET_CORES, QUIET_WAIT_SECONDS);
            ForeignLoad load = ForeignLoad.start();
            long bytes = 0;
            for (int i = 0; i < WARM_UP_PASSES; i++) {
                for (Document document : documents) {
                    bytes += renderers.render(document, format).content().length();
                }
            }
            long[] nanos = new long[documents.size() * TIMED_PASSES];
            int k = 0;
            for (int i = 0; i < TIMED_PASSES; i++) {
                for (Document document : documents) {
                    long start = System.nanoTime();
                    renderers.render(document, format);
                    nanos[k++] = System.nanoTime() - start;
                }
            }
            load.close();
            Arrays.sort(nanos);
            table.row(format.wireName(), LittleBench.f1(nanos[nanos.length / 2] / 1e3),
                    LittleBench.f1(nanos[(int) (nanos.length * 0.99)] / 1e3),
                    LittleBench.f0(1e9 * nanos.length / Arrays.stream(nanos).sum()),
                    LittleBench.f1(bytes / 1024.0 / WARM_UP_PASSES / documents.size()), LittleBench.f2(load.cores()));
        }
        table.print(out);
        out.println("marshal + render together, every format: -Dbench=cpu (CpuCostBench)");
        out.println("other CPU = cores used on average by other processes while that row ran; load average now: "
                + ForeignLoad.loadAverage());
    }
}
