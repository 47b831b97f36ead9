package dev.cartage.fetch;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.guard.TargetGuard;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The fetch stage's connection pool and the Reactor Netty client on top of it. The client never follows
 * redirects itself ({@link Fetcher} does, re-checking each hop), and every connection it opens passes through
 * {@link TargetGuard#secure(HttpClient)}, applied last so that nothing configured after it can bypass it.
 *
 * <p>Only gzip and deflate are asked for: they are what the client decompresses, and the body cap
 * ({@code cartage.fetch.max-body-size}) counts the decompressed bytes, so a small gzip bomb fails as too large.
 */
@Component
public class FetchConnections {

    /** The codings the client can undo; set explicitly so that no library default adds br or zstd. */
    static final String ACCEPTED_ENCODINGS = "gzip, deflate";

    private final ConnectionProvider pool;
    private final HttpClient client;
    private final LongAdder opened = new LongAdder();

    public FetchConnections(FetchProperties properties, TargetGuard guard) {
        warmUpNioSockets();
        this.pool = ConnectionProvider.builder("cartage-fetch")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                // one sub-pool (and one set of reactor_netty_connection_provider_* gauges) per remote address:
                // a fetcher meets many hosts, so pools idle for 5 minutes are disposed with their gauges
                .disposeInactivePoolsInBackground(Duration.ofMinutes(1), Duration.ofMinutes(5))
                .metrics(true)
                .build();
        this.client = guard.secure(HttpClient.create(pool)
                // NIO, not epoll: with epoll, cancelling requests whose connection is still opening (first-response
                // mirrors cancel their losers) made ~2-3% of other requests to those origins fail with
                // NotYetConnectedException (a closed channel handed on by the pool; cf. netty/netty#10411); with NIO
                // it was 1 in 1,500 races (MirrorFetcherTest, measured in a probe)
                .runOn(HttpResources.get(), false)
                .compress(true)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT_ENCODING, ACCEPTED_ENCODINGS))
                .followRedirect(false)
                .observe((connection, state) -> {
                    if (state == ConnectionObserver.State.CONNECTED) { // a new connection, not one taken from the pool
                        opened.increment();
                    }
                })
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout()));
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

    /** Connections opened since start: with the request count, shows whether connections are reused. */
    public long connectionsOpened() {
        return opened.sum();
    }

    /** Closes the pooled connections when the service stops. */
    @PreDestroy
    public void close() {
        pool.dispose();
    }
}
