package dev.cartage.pile;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What page {@code n} of the pile for a seed is about: one chapter of one language's manual.
 *
 * <p>The chapter is drawn first from the page's random stream, so a page's title can be known without
 * generating the page, and the rest of the page continues the same stream.
 *
 * @param seed     the pile's seed
 * @param n        the page number, from 0
 * @param language the language the manual is about
 * @param number   the chapter number in that manual, from 1
 * @param topic    what the chapter covers
 */
record Chapter(long seed, int n, Language language, int number, String topic) {

    private static final long SEED_STRIDE = 1_000_003L;
    private static final int NEIGHBOURS = 20;

    /** The random stream of page {@code n}: the same numbers for the same seed and page, whatever ran before. */
    static SplittableRandom random(long seed, int n) {
        return new SplittableRandom(seed * SEED_STRIDE + n);
    }

    /** The chapter of page {@code n}, drawn from the page's own stream. */
    static Chapter of(long seed, int n) {
        return draw(random(seed, n), seed, n);
    }

    /** Draws the chapter from {@code random}, which must be {@link #random(long, int)} fresh. */
    static Chapter draw(SplittableRandom random, long seed, int n) {
        Language language = ManualWords.pick(random, ManualLanguages.ALL);
        int number = 1 + random.nextInt(24);
        return new Chapter(seed, n, language, number, ManualWords.pick(random, ManualWords.TOPICS));
    }

    /** The relative link from one manual page to page {@code m} of the same pile. */
    static String href(int m, long seed) {
        return m + "?seed=" + seed;
    }

    String title() {
        return language.name() + " Manual, Chapter " + number + ": " + topic;
    }

    String description() {
        return "Chapter " + number + " of the " + language.name() + " reference manual explains "
                + topic.toLowerCase(Locale.ROOT) + " as defined in " + language.year() + " by "
                + language.origin() + ".";
    }

    /** The page after this one; the last possible page is followed by page 0. */
    int next() {
        return n == Integer.MAX_VALUE ? 0 : n + 1;
    }

    /** The exclusive bound of the page numbers this page links to: its own number plus a little, at least 50. */
    int neighbourhood() {
        return n > Integer.MAX_VALUE - NEIGHBOURS ? Integer.MAX_VALUE : Math.max(n + NEIGHBOURS, 50);
    }

    /** The relative link to the listing of the pile, from a manual page. */
    String listingHref() {
        return "../../pile?seed=" + seed;
    }
}
