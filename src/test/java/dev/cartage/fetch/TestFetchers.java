package dev.cartage.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import dev.cartage.fetch.guard.GuardProperties;
import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.fetch.polite.Politeness;
import dev.cartage.fetch.polite.PolitenessProperties;
import dev.cartage.pile.PileOrigin;
import dev.cartage.pile.PilePolitenessExemption;
import dev.cartage.pile.PileProperties;

/** Builds a {@link Fetcher} outside Spring, the way the application context wires it, for tests and benchmarks. */
public final class TestFetchers {

    /**
     * Allow rules admitting local test servers on any port: {@code 127.0.0.1}, {@code [::1]} and {@code localhost}.
     * Tests only: the service itself never admits loopback beyond its own pile.
     */
    public static final String[] LOOPBACK_RULES = {"127.0.0.1:*", "[::1]:*", "localhost:*"};

    private TestFetchers() {
    }

    /** A fetcher with its own connection pool; close it with {@link Built#close()}. */
    public static Built create(FetchProperties properties, TargetGuard guard, Politeness politeness) {
        FetchConnections connections = new FetchConnections(properties, guard);
        OriginExchange exchange = new OriginExchange(properties, connections);
        return new Built(new Fetcher(properties, guard, politeness, exchange), connections, guard);
    }

    /** A fetcher whose guard admits loopback servers on any port ({@link #LOOPBACK_RULES}) and denies the rest. */
    public static Built create(FetchProperties properties) {
        return create(properties, loopbackGuard(), new Politeness());
    }

    /** A fetcher whose guard has exactly {@code guard}'s ports and rules (no loopback unless they say so). */
    public static Built create(FetchProperties properties, GuardProperties guard) {
        return create(properties, new TargetGuard(guard), new Politeness());
    }

    /** A guard with the default ports and deny list that admits loopback servers on any port. */
    public static TargetGuard loopbackGuard() {
        return new TargetGuard(GuardProperties.allowing(LOOPBACK_RULES));
    }

    /**
     * A fetcher with Cartage's manners as the application wires them: robots.txt, per-host limits, Retry-After
     * and conditional GET, with the given settings. {@code pileBaseUrl} is where the (exempt) pile is, or null.
     */
    public static Built create(FetchProperties properties, PolitenessProperties politeness,
                               FetchCacheProperties cache, URI pileBaseUrl, MeterRegistry meters) {
        TargetGuard guard = loopbackGuard();
        FetchConnections connections = new FetchConnections(properties, guard);
        PileOrigin pile = new PileOrigin(new PileProperties(pileBaseUrl, 100_000, Duration.ofSeconds(60)));
        Politeness manners = new Politeness(politeness, connections.client(), properties.userAgent(), guard,
                List.of(new PilePolitenessExemption(pile)), meters);
        OriginExchange exchange = new OriginExchange(properties, connections, new ConditionalCache(cache, meters),
                politeness);
        return new Built(new Fetcher(properties, guard, manners, exchange), connections, guard);
    }

    /** The fetcher and what it owns; {@link #close()} closes the pool and the guard's own resolver. */
    public record Built(Fetcher fetcher, FetchConnections connections, TargetGuard guard) implements AutoCloseable {
        @Override
        public void close() {
            connections.close();
            guard.close();
        }
    }
}
