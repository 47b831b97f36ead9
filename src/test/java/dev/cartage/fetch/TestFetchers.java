package dev.cartage.fetch;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.fetch.polite.ConditionalCache;
import dev.cartage.fetch.polite.FetchCacheProperties;
import dev.cartage.fetch.polite.Politeness;
import dev.cartage.fetch.polite.PolitenessProperties;
import dev.cartage.pile.PileOrigin;
import dev.cartage.pile.PileProperties;

/** Builds a {@link Fetcher} outside Spring, the way the application context wires it, for tests and benchmarks. */
public final class TestFetchers {

    private TestFetchers() {
    }

    /** A fetcher with its own connection pool; close it with {@link Built#close()}. */
    public static Built create(FetchProperties properties, TargetGuard guard, Politeness politeness) {
        FetchConnections connections = new FetchConnections(properties, guard);
        OriginExchange exchange = new OriginExchange(properties, connections);
        return new Built(new Fetcher(properties, guard, politeness, exchange), connections);
    }

    public static Built create(FetchProperties properties) {
        return create(properties, new TargetGuard(), new Politeness());
    }

    /**
     * A fetcher with Cartage's manners as the application wires them: robots.txt, per-host limits, Retry-After
     * and conditional GET, with the given settings. {@code pileBaseUrl} is where the (exempt) pile is, or null.
     */
    public static Built create(FetchProperties properties, PolitenessProperties politeness,
                               FetchCacheProperties cache, URI pileBaseUrl, MeterRegistry meters) {
        TargetGuard guard = new TargetGuard();
        FetchConnections connections = new FetchConnections(properties, guard);
        PileOrigin pile = new PileOrigin(new PileProperties(pileBaseUrl, 100_000, Duration.ofSeconds(60)));
        Politeness manners = new Politeness(politeness, properties, connections, guard, pile, meters);
        OriginExchange exchange = new OriginExchange(properties, connections, new ConditionalCache(cache, meters),
                politeness);
        return new Built(new Fetcher(properties, guard, manners, exchange), connections);
    }

    public record Built(Fetcher fetcher, FetchConnections connections) implements AutoCloseable {
        @Override
        public void close() {
            connections.close();
        }
    }
}
