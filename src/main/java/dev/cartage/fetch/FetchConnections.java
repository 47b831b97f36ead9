package dev.cartage.fetch;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.ChannelOption;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.guard.TargetGuard;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The fetch stage's connection pool and the Reactor Netty client on top of it. The client never follows
 * redirects itself ({@link Fetcher} does, re-checking each hop), and every connection it opens passes through
 * {@link TargetGuard#secure(HttpClient)}.
 */
@Component
public class FetchConnections {

    private final ConnectionProvider pool;
    private final HttpClient client;
    private final LongAdder opened = new LongAdder();

    public FetchConnections(FetchProperties properties, TargetGuard guard) {
        this.pool = ConnectionProvider.builder("cartage-fetch")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .metrics(true)
                .build();
        this.client = guard.secure(HttpClient.create(pool)
                .compress(true)
                .followRedirect(false)
                .observe((connection, state) -> {
                    if (state == ConnectionObserver.State.CONNECTED) { // a new connection, not one taken from the pool
                        opened.increment();
                    }
                })
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis()));
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
