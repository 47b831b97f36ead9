package dev.cartage.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts how many calls are inside a piece of work at once, and the most there ever were. */
final class ConcurrencyProbe {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    void enter() {
        peak.accumulateAndGet(current.incrementAndGet(), Math::max);
    }

    void exit() {
        current.decrementAndGet();
    }

    int peak() {
        return peak.get();
    }

    int current() {
        return current.get();
    }
}
