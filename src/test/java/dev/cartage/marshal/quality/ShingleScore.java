package dev.cartage.marshal.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's scoring rule (src/test/resources/article-extraction-benchmark/README.md), so that figures compare with the
 * published ones: texts become multisets of 4-token shingles ({@code \w+}, Unicode, case kept); per page tp, fp and
 * fn are counted by multiplicity and normalised; precision and recall are means over pages; F1 of the two means.
 */
public final class ShingleScore {

    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;

    private ShingleScore() {
    }

    /** One page's counts, normalised so that tp + fp + fn = 1 (all zero when both texts are empty). */
    public record Page(double tp, double fp, double fn) {
    }

    /** Precision, recall and F1 over a set of pages. */
    public record Result(double precision, double recall, double f1, int pages) {
    }

    public static Page page(String predicted, String truth) {
        Map<List<String>, Integer> want = shingles(truth);
        Map<List<String>, Integer> got = shingles(predicted);
        long tp = 0;
        long fp = 0;
        for (Map.Entry<List<String>, Integer> entry : got.entrySet()) {
            int shared = Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
            tp += shared;
            fp += entry.getValue() - shared;
        }
        long fn = 0;
        for (Map.Entry<List<String>, Integer> entry : want.entrySet()) {
            fn += entry.getValue() - Math.min(entry.getValue(), got.getOrDefault(entry.getKey(), 0));
        }
        double total = tp + fp + fn;
        return total == 0 ? new Page(0, 0, 0) : new Page(tp / total, fp / total, fn / total);
    }

    /** Means over pages; a page with fp = fn = 0 counts 1.0 for both; pages where tp + fp = 0 are left out of P. */
    public static Result of(List<Page> pages) {
        double precision = 0;
        int precisionPages = 0;
        double recall = 0;
        int recallPages = 0;
        for (Page page : pages) {
            if (page.fp() == 0 && page.fn() == 0) {
                precision += 1;
                precisionPages++;
                recall += 1;
                recallPages++;
                continue;
            }
            if (page.tp() + page.fp() > 0) {
                precision += page.tp() / (page.tp() + page.fp());
                precisionPages++;
            }
            if (page.tp() + page.fn() > 0) {
                recall += page.tp() / (page.tp() + page.fn());
                recallPages++;
            }
        }
        double p = precisionPages == 0 ? 0 : precision / precisionPages;
        double r = recallPages == 0 ? 0 : recall / recallPages;
        return new Result(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), pages.size());
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new java.util.ArrayList<>();
        Matcher matcher = TOKEN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        if (tokens.size() < SHINGLE) {
            counts.put(List.copyOf(tokens), 1);
            return counts;
        }
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return counts;
    }
}
