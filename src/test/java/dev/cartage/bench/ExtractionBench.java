package dev.cartage.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.cartage.marshal.HtmlMarshaller;
import dev.cartage.marshal.quality.BenchmarkPages;
import dev.cartage.marshal.quality.BenchmarkPages.Page;
import dev.cartage.marshal.quality.QualityText;
import dev.cartage.marshal.quality.ShingleScore;

/**
 * Main-content extraction quality and speed on the 181 pages of the article-extraction benchmark (the repository's
 * copy in {@code src/test/resources/article-extraction-benchmark}, or {@code -Dextract.data=DIR}), scored by the
 * benchmark's own rule ({@link ShingleScore}) on {@link QualityText}: the blocks as plain text, no title.
 *
 * <pre>
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=extract [-Dextract.half=dev|holdout|all] [-Dextract.dump=DIR]
 * </pre>
 *
 * {@code extract.half} scores the development half (ids 0–7), the hold-out half (8–f) or all pages (default);
 * {@code extract.dump} writes each page's text and a {@code scores.tsv} (id, precision, recall, tp) to DIR;
 * {@code -Dextract.timing=false} skips the timed passes (quality only, for quick iterations).
 */
final class ExtractionBench {

    private static final int WARM_UP_PASSES = 3;
    private static final int TIMED_PASSES = 5;

    private ExtractionBench() {
    }

    static void run(PrintStream out) throws Exception {
        Path data = Path.of(System.getProperty("extract.data", BenchmarkPages.IN_REPOSITORY.toString()));
        String halfName = System.getProperty("extract.half", "");
        BenchmarkPages.Half half = BenchmarkPages.Half.of(halfName.isBlank() ? "all" : halfName);
        List<Page> pages = BenchmarkPages.read(data, half);
        HtmlMarshaller marshaller = new HtmlMarshaller(10 * 1024 * 1024);

        List<ShingleScore.Page> scores = new ArrayList<>();
        Map<String, Double> worst = new TreeMap<>();
        String dump = System.getProperty("extract.dump", "");
        StringBuilder perPage = new StringBuilder("id\tprecision\trecall\ttp\n");
        for (Page page : pages) {
            String text = text(marshaller, page);
            ShingleScore.Page score = ShingleScore.page(text, page.truth());
            scores.add(score);
            worst.put(page.id(), score.tp());
            if (!dump.isEmpty()) {
                Files.createDirectories(Path.of(dump));
                Files.writeString(Path.of(dump, page.id() + ".txt"), text);
                perPage.append(String.format(Locale.ROOT, "%s\t%.3f\t%.3f\t%.3f%n", page.id(),
                        ratio(score.tp(), score.fp()), ratio(score.tp(), score.fn()), score.tp()));
            }
        }
        if (!dump.isEmpty()) {
            Files.writeString(Path.of(dump, "scores.tsv"), perPage);
        }
        ShingleScore.Result result = ShingleScore.of(scores);
        int threads = Runtime.getRuntime().availableProcessors();
        out.printf("Extraction bench: %d pages (%s) of %s, java %s, %d cores%n", pages.size(),
                half.name().toLowerCase(Locale.ROOT), data.normalize(), System.getProperty("java.version"), threads);
        Table table = new Table("precision", "recall", "F1", "ms/page median", "ms/page p99", "cpu ms/page mean",
                "pages/s 1 thread", "pages/s " + threads + " threads");
        if (Boolean.parseBoolean(System.getProperty("extract.timing", "true"))) {
            long[] cpuNanos = new long[1];
            long[] nanos = timeEachPage(marshaller, pages, cpuNanos);
            double parallelRate = PagePasses.pagesPerSecond(pages, page -> text(marshaller, page), threads, TIMED_PASSES);
            table.row(LittleBench.f3(result.precision()), LittleBench.f3(result.recall()), LittleBench.f3(result.f1()),
                    LittleBench.f2(nanos[nanos.length / 2] / 1e6), LittleBench.f2(nanos[(int) (nanos.length * 0.99)] / 1e6),
                    LittleBench.f2(cpuNanos[0] / 1e6 / nanos.length),
                    LittleBench.f0(1e9 * nanos.length / Arrays.stream(nanos).sum()), LittleBench.f0(parallelRate));
        } else {
            table.row(LittleBench.f3(result.precision()), LittleBench.f3(result.recall()), LittleBench.f3(result.f1()),
                    "-", "-", "-", "-", "-");
        }
        table.print(out);
        out.println("worst pages (tp share): " + worst.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .limit(8).map(e -> e.getKey().substring(0, 10) + "=" + LittleBench.f2(e.getValue()))
                .collect(Collectors.joining(", ")));
        out.println("Published F1 on this set: Readability.js 0.947, trafilatura 2.0 0.958, go-trafilatura 0.960.");
    }

    /**
     * Single-threaded wall time of each page in the timed passes, after warm-up passes, sorted; the thread's CPU
     * time over those passes goes to {@code cpuNanos[0]}, which other processes on a shared machine do not inflate.
     */
    private static long[] timeEachPage(HtmlMarshaller marshaller, List<Page> pages, long[] cpuNanos) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        PagePasses.oneThread(pages, page -> text(marshaller, page), WARM_UP_PASSES, 0);
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long[] nanos = PagePasses.oneThread(pages, page -> text(marshaller, page), 0, TIMED_PASSES);
        cpuNanos[0] = cpu.getCurrentThreadCpuTime() - cpuStart;
        return nanos;
    }

    /** The document's body as plain text, blocks separated by blank lines; a page that fails scores as empty. */
    private static String text(HtmlMarshaller marshaller, Page page) {
        try {
            return QualityText.of(marshaller.marshal(page.html(), "text/html;charset=UTF-8", page.url()));
        } catch (RuntimeException e) {
            return "";
        }
    }


    /** tp / (tp + other), 1 when both are zero (an empty page scored against an empty truth). */
    private static double ratio(double tp, double other) {
        return tp + other == 0 ? 1 : tp / (tp + other);
    }
}
