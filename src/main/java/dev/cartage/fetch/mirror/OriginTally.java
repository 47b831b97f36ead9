package dev.cartage.fetch.mirror;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** One origin's request counts within a run; updated from any thread without locks. */
final class OriginTally {

    private final String origin;
    private final AtomicLong pending = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();

    OriginTally(String origin) {
        this.origin = origin;
    }

    void started() {
        pending.incrementAndGet();
    }

    void ended(RequestEnd end) {
        switch (end) {
            case COMPLETED -> completed.increment();
            case FAILED -> failed.increment();
            case CANCELLED -> cancelled.increment();
        }
        pending.decrementAndGet();
    }

    /** Counts read one after another, not atomically together: a request may be seen ending between two reads. */
    MirrorSnapshot snapshot() {
        return new MirrorSnapshot(origin, pending.get(), completed.sum(), failed.sum(), cancelled.sum());
    }
}
