package dev.cartage.pile;

import java.time.Duration;

/**
 * A pile source: the pages {@code 0 ... count-1} of the pile for {@code seed}, each answered after
 * {@code latency}, with every {@code failEvery}-th page answering 503.
 *
 * <p>The constructor checks what holds whatever the configuration; {@link PileOrigin#requireWithinLimits}
 * checks the configured limits ({@code cartage.pile.max-count}, {@code cartage.pile.max-latency}).
 *
 * @param count     how many pages, 0 or more; the pages are numbered from 0
 * @param latency   how long each pile URL waits before it answers; {@code null} means 0, no wait
 * @param failEvery page {@code n} answers 503 on every attempt when {@code (n + 1) mod failEvery = 0};
 *                  0 means no page fails
 * @param seed      selects the generated content: the same seed and page give the same bytes
 * @throws PileQueryException if a value is negative
 */
public record PileQuery(int count, Duration latency, int failEvery, long seed) {

    /** The page count of a listing, sitemap or feed request that names none. */
    public static final int DEFAULT_COUNT = 100;

    /** The seed of a pile URL that names none. */
    public static final long DEFAULT_SEED = 1;

    public PileQuery {
        if (count < 0) {
            throw new PileQueryException("count", count, "count must be 0 or more, was " + count);
        }
        latency = latency == null ? Duration.ZERO : latency;
        if (latency.isNegative()) {
            throw new PileQueryException("latency", Latency.format(latency),
                    "latency must not be negative, was " + Latency.format(latency));
        }
        FailEvery.require(failEvery);
    }

    /**
     * A query with the latency given as text, as in the API: {@code 20ms}, {@code 1s}; {@code null} or blank
     * means no latency.
     *
     * @throws PileQueryException if the latency cannot be read or a value is negative
     */
    public static PileQuery of(int count, String latency, int failEvery, long seed) {
        return new PileQuery(count, Latency.parse(latency), failEvery, seed);
    }

    /** {@code count} pages of the default seed, without latency or failures. */
    public static PileQuery of(int count) {
        return new PileQuery(count, Duration.ZERO, 0, DEFAULT_SEED);
    }

    /** Whether page {@code n} answers 503 (on every attempt) under this query. */
    public boolean failsAt(int n) {
        return FailEvery.fails(failEvery, n);
    }

    /** The latency as the URLs carry it: {@code 0ms}, {@code 20ms}, {@code 1s}. */
    public String latencyText() {
        return Latency.format(latency);
    }

    /** The query string of a manual URL: {@code seed=..&latency=..&failEvery=..}. */
    String pageParameters() {
        return "seed=" + seed + "&latency=" + latencyText() + "&failEvery=" + failEvery;
    }

    /** The query string of a listing, sitemap or feed URL: {@code count=..&} and the page parameters. */
    String listParameters() {
        return "count=" + count + "&" + pageParameters();
    }
}
