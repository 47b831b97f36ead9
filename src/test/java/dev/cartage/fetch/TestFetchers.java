package dev.cartage.fetch;

import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.fetch.polite.Politeness;

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

    public record Built(Fetcher fetcher, FetchConnections connections) implements AutoCloseable {
        @Override
        public void close() {
            connections.close();
        }
    }
}
