package dev.cartage.fetch.guard;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the guard's refusals by reason, published as {@code cartage.fetch.blocked{reason=...}}. The reasons are
 * a fixed enum, so the tag's values are bounded; each refusal is counted once, where it is decided (the URL check,
 * the resolver or the connection).
 */
final class Refusals {

    private final Map<BlockReason, LongAdder> counts = new EnumMap<>(BlockReason.class);

    Refusals() {
        for (BlockReason reason : BlockReason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    void count(BlockReason reason) {
        counts.get(reason).increment();
    }

    void bindTo(MeterRegistry registry) {
        counts.forEach((reason, count) -> FunctionCounter.builder("cartage.fetch.blocked", count, LongAdder::sum)
                .tag("reason", reason.tag())
                .description("fetch targets the SSRF guard refused")
                .register(registry));
    }
}
