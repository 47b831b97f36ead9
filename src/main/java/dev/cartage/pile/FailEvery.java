package dev.cartage.pile;

/**
 * The pile's designed failures: with {@code failEvery = k > 0}, page {@code n} answers 503 on every attempt when
 * {@code (n + 1) mod k = 0}, so pages {@code k-1, 2k-1, ...} fail; {@code 0} means no page fails.
 */
final class FailEvery {

    private FailEvery() {
    }

    static boolean fails(int failEvery, long n) {
        return failEvery > 0 && (n + 1) % failEvery == 0;
    }

    /** Returns {@code failEvery} if it is 0 or more. */
    static int require(int failEvery) {
        if (failEvery < 0) {
            throw new PileQueryException("failEvery", failEvery,
                    "failEvery must be 0 (no page fails) or more, was " + failEvery);
        }
        return failEvery;
    }
}
