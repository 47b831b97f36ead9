package dev.cartage.pile;

import java.time.Duration;

/**
 * A request for one manual page: {@code GET /pile/manuals/{n}}. Unlike a {@link PileQuery} it has no count, so
 * any page number from 0 up is valid.
 *
 * @param n         the page number, from 0
 * @param seed      selects the generated content
 * @param latency   how long to wait before answering
 * @param failEvery the page answers 503 when {@code failEvery > 0} and {@code (n + 1) mod failEvery = 0}
 */
record ManualRequest(int n, long seed, Duration latency, int failEvery) {

    ManualRequest {
        if (n < 0) {
            throw new PileQueryException("n", n, "page numbers start at 0, was " + n);
        }
        if (latency.isNegative()) {
            throw new PileQueryException("latency", Latency.format(latency),
                    "latency must not be negative, was " + Latency.format(latency));
        }
        FailEvery.require(failEvery);
    }

    boolean fails() {
        return FailEvery.fails(failEvery, n);
    }
}
