package dev.cartage.fetch;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.UnaryOperator;

import io.netty.channel.ChannelOption;

import dev.cartage.fetch.guard.TargetGuard;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The one way the service builds a client for the outside world (the fetch stage's, the webhook sink's): its own
 * named connection pool with Reactor Netty's pool metrics, Netty's NIO transport, no redirects followed by the
 * client itself, and every connection passed through {@link TargetGuard#secure(HttpClient)}, applied last so that
 * nothing configured before it can bypass it.
 *
 * <p>NIO, not epoll: with epoll, cancelling requests whose connection was still opening (first-response mirrors
 * cancel their losers) made about 2-3% of other requests to those origins fail with {@code NotYetConnectedException}
 * (a closed channel handed on by the pool; cf. netty/netty#10411); with NIO it was 1 in 1,500 races (measured with
 * MirrorFetcherTest in a probe). The server runs on NIO too, for its own reason ({@code CartageApplication}).
 */
public final class GuardedClient implements AutoCloseable {

    private final ConnectionProvider pool;
    private final HttpClient client;

    private GuardedClient(ConnectionProvider pool, HttpClient client) {
        this.pool = pool;
        this.client = client;
    }

    /**
     * A pool named {@code poolName} and a client on it.
     *
     * @param maxConnections  connections to all remote addresses together; requests beyond wait for one, bounded by
     *                        the callers' parallelism and timeouts
     * @param connectTimeout  how long opening a connection may take
     * @param responseTimeout how long an answer may keep the client waiting between reads
     * @param specific        what only this client does (headers, compression, observers), applied before the guard
     */
    public static GuardedClient build(String poolName, int maxConnections, Duration connectTimeout,
                                      Duration responseTimeout, TargetGuard guard, UnaryOperator<HttpClient> specific) {
        warmUpNioSockets();
        ConnectionProvider pool = ConnectionProvider.builder(poolName)
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                // one sub-pool (and one set of reactor_netty_connection_provider_* gauges) per remote address:
                // a client meets many hosts, so pools idle for 5 minutes are disposed with their gauges
                .disposeInactivePoolsInBackground(Duration.ofMinutes(1), Duration.ofMinutes(5))
                .metrics(true)
                .build();
        HttpClient common = HttpClient.create(pool)
                .runOn(HttpResources.get(), false)
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        return new GuardedClient(pool, guard.secure(specific.apply(common)));
    }

    /**
     * The JDK reads its {@code net.properties} file in a class initializer the first time an NIO socket is created;
     * let that happen here, on the thread that builds the client at startup, rather than on an event loop.
     */
    private static void warmUpNioSockets() {
        try (SocketChannel socket = SocketChannel.open()) {
            socket.socket();
        } catch (IOException e) {
            // nothing to warm up: connections will fail with their own, clearer error
        }
    }

    public HttpClient client() {
        return client;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        pool.dispose();
    }
}
