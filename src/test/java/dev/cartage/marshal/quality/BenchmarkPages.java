package dev.cartage.marshal.quality;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * The pages of the article-extraction benchmark with their ground truth, read from a directory laid out like
 * {@code src/test/resources/article-extraction-benchmark} ({@code ground-truth.json}, {@code html/<id>.html.gz}).
 */
public final class BenchmarkPages {

    /** Where the repository keeps its copy, relative to the project directory (where Maven runs tests). */
    public static final Path IN_REPOSITORY = Path.of("src/test/resources/article-extraction-benchmark");

    private BenchmarkPages() {
    }

    /** One benchmark page: its id, URL, true main text and HTML bytes (UTF-8). */
    public record Page(String id, String url, String truth, byte[] html) {
    }

    /**
     * Which pages to use. Extraction rules are developed on {@link #DEV} (ids starting 0–7) and checked on
     * {@link #HOLDOUT} (8–f), so that a rule fitted to the pages it was tried on shows up as a gap between the two.
     */
    public enum Half {
        ALL(id -> true), DEV(id -> id.charAt(0) < '8'), HOLDOUT(id -> id.charAt(0) >= '8');

        private final Predicate<String> ids;

        Half(Predicate<String> ids) {
            this.ids = ids;
        }

        /** Parses {@code all}, {@code dev} or {@code holdout}, in any case. */
        public static Half of(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }

        public boolean contains(String id) {
            return ids.test(id);
        }
    }

    /** Reads the pages of the given half, in the ground truth's order. */
    public static List<Page> read(Path directory, Half half) throws IOException {
        JsonNode truth = JsonMapper.builder().build().readTree(Files.readString(directory.resolve("ground-truth.json")));
        List<Page> pages = new ArrayList<>();
        for (String id : truth.propertyNames()) {
            if (!half.contains(id)) {
                continue;
            }
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(directory.resolve("html/" + id + ".html.gz")))) {
                html = in.readAllBytes();
            }
            JsonNode page = truth.get(id);
            pages.add(new Page(id, page.get("url").asString(), page.get("articleBody").asString(), html));
        }
        return pages;
    }
}
