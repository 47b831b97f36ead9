package dev.cartage.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.HtmlMarshaller;
import dev.cartage.marshal.quality.ShingleScore;
import tools.jackson.databind.JsonNode;

/**
 * Main-content extraction quality and speed on the 181 pages of the shared article-extraction benchmark
 * ({@code ../shared/data/article-extraction-benchmark}, or {@code -Dextract.data=...}), scored by the benchmark's
 * own rule ({@link ShingleScore}). The text scored is the marshaled document's blocks as plain text, paragraphs
 * separated by blank lines, without the title: what the {@code text} format is to deliver.
 *
 * <pre>
 * ./mvnw -B -q -Pbench test-compile exec:exec -Dbench=extract
 * </pre>
 */
final class ExtractionBench {

    private static final int WARM_UP_PASSES = 3;
    private static final int TIMED_PASSES = 5;

    private ExtractionBench() {
    }

    static void run(PrintStream out) throws Exception {
        Path data = Path.of(System.getProperty("extract.data", "../shared/data/article-extraction-benchmark"));
        JsonNode truth = E2eBench.JSON.readTree(Files.readString(data.resolve("ground-truth.json")));
        List<Page> pages = new ArrayList<>();
        for (String id : truth.propertyNames()) {
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve("html").resolve(id + ".html.gz")))) {
                html = in.readAllBytes();
            }
            pages.add(new Page(id, truth.get(id).get("url").asString(), truth.get(id).get("articleBody").asString(), html));
        }
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

        for (int i = 0; i < WARM_UP_PASSES; i++) {
            pages.forEach(page -> text(marshaller, page));
        }
        long[] nanos = new long[pages.size() * TIMED_PASSES];
        int k = 0;
        for (int i = 0; i < TIMED_PASSES; i++) {
            for (Page page : pages) {
                long start = System.nanoTime();
                text(marshaller, page);
                nanos[k++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        int threads = Runtime.getRuntime().availableProcessors();
        double parallelRate = parallelPagesPerSecond(marshaller, pages, threads);

        out.printf("Extraction bench: %d pages of %s, java %s, %d cores%n", pages.size(), data.normalize(),
                System.getProperty("java.version"), threads);
        Table table = new Table("precision", "recall", "F1", "ms/page median", "ms/page p99", "pages/s 1 thread",
                "pages/s " + threads + " threads");
        table.row(LittleBench.f3(result.precision()), LittleBench.f3(result.recall()), LittleBench.f3(result.f1()),
                LittleBench.f2(nanos[nanos.length / 2] / 1e6), LittleBench.f2(nanos[(int) (nanos.length * 0.99)] / 1e6),
                LittleBench.f0(1e9 * nanos.length / Arrays.stream(nanos).sum()), LittleBench.f0(parallelRate));
        table.print(out);
        out.println("worst pages (tp share): " + worst.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .limit(8).map(e -> e.getKey().substring(0, 10) + "=" + LittleBench.f2(e.getValue()))
                .collect(Collectors.joining(", ")));
        out.println("Published F1 on this set: Readability.js 0.947, trafilatura 2.0 0.958, go-trafilatura 0.960.");
    }

    private static double parallelPagesPerSecond(HtmlMarshaller marshaller, List<Page> pages, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < TIMED_PASSES; i++) {
                        for (int j = offset; j < pages.size(); j += threads) {
                            text(marshaller, pages.get(j));
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            return pages.size() * (double) TIMED_PASSES / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The document's body as plain text, blocks separated by blank lines; a page that fails scores as empty. */
    private static String text(HtmlMarshaller marshaller, Page page) {
        try {
            Document document = marshaller.marshal(page.html(), "text/html;charset=UTF-8", page.url());
            return document.blocks().stream().map(Block::plainText).collect(Collectors.joining("\n\n"));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private record Page(String id, String url, String truth, byte[] html) {
    }


    /** tp / (tp + other), 1 when both are zero (an empty page scored against an empty truth). */
    private static double ratio(double tp, double other) {
        return tp + other == 0 ? 1 : tp / (tp + other);
    }
}
