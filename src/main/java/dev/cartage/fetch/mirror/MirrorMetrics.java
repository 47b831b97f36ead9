package dev.cartage.fetch.mirror;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Mirror requests over all runs, for Prometheus: {@code cartage.fetch.mirror.pending} (gauge: requests sent and
 * not yet ended) and {@code cartage.fetch.mirror.requests} (counter of ended requests, tagged
 * {@code outcome=completed|failed|cancelled}), both tagged {@code origin}.
 *
 * <p>The {@code origin} tag is capped ({@link MirrorProperties#taggedOrigins()}): the first origins seen get their
 * own tag, later ones share {@code origin="other"}, so a service that sees many distinct mirrors keeps a bounded
 * number of time series. The per-run JSON ({@code mirrors} in RunStatus) has no cap; it is bounded by the run.
 */
@Component
public class MirrorMetrics {

    static final String OTHER = "other";

    private final MeterRegistry registry;
    private final int taggedOrigins;
    private final Map<String, OriginMeters> byOrigin = new ConcurrentHashMap<>();
    private final OriginMeters other;

    public MirrorMetrics(MeterRegistry registry, MirrorProperties properties) {
        this.registry = registry;
        this.taggedOrigins = properties.taggedOrigins();
        this.other = new OriginMeters(registry, OTHER);
    }

    void started(String origin) {
        meters(origin).pending.incrementAndGet();
    }

    void ended(String origin, RequestEnd end) {
        OriginMeters meters = meters(origin);
        meters.ended.get(end).increment();
        meters.pending.decrementAndGet();
    }

    private OriginMeters meters(String origin) {
        OriginMeters meters = byOrigin.get(origin);
        if (meters != null) {
            return meters;
        }
        synchronized (byOrigin) {
            // checked again under the lock, so that racing first requests cannot tag more than the cap
            meters = byOrigin.get(origin);
            if (meters == null && byOrigin.size() < taggedOrigins) {
                meters = new OriginMeters(registry, origin);
                byOrigin.put(origin, meters);
            }
        }
        return meters != null ? meters : other;
    }

    /** The meters of one origin tag; holds the gauge's number strongly (Micrometer only keeps a weak reference). */
    private static final class OriginMeters {
        private final AtomicLong pending = new AtomicLong();
        private final Map<RequestEnd, Counter> ended = new EnumMap<>(RequestEnd.class);

        OriginMeters(MeterRegistry registry, String origin) {
            Gauge.builder("cartage.fetch.mirror.pending", pending, AtomicLong::get)
                    .tag("origin", origin)
                    .description("requests to a mirror sent and not yet ended, over all runs")
                    .register(registry);
            for (RequestEnd end : RequestEnd.values()) {
                ended.put(end, Counter.builder("cartage.fetch.mirror.requests")
                        .tag("origin", origin)
                        .tag("outcome", end.wireName())
                        .description("requests to a mirror that ended, by how, over all runs")
                        .register(registry));
            }
        }
    }
}
