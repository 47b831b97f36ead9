package dev.cartage.fetch;

import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.codec.http.HttpHeaderNames;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.guard.TargetGuard;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClient;

/**
 * The fetch stage's connection pool ({@code cartage-fetch}) and the Reactor Netty client on top of it, built as
 * every outbound client is ({@link GuardedClient}: NIO, guarded). The client never follows redirects itself
 * ({@link Fetcher} does, re-checking each hop).
 *
 * <p>Only gzip and deflate are asked for: they are what the client decompresses, and the body cap
 * ({@code cartage.fetch.max-body-size}) counts the decompressed bytes, so a small gzip bomb fails as too large.
 */
@Component
public class FetchConnections {

    /** The codings the client can undo; set explicitly so that no library default adds br or zstd. */
    static final String ACCEPTED_ENCODINGS = "gzip, deflate";

    private final GuardedClient outbound;
    private final LongAdder opened = new LongAdder();

    public FetchConnections(FetchProperties properties, TargetGuard guard) {
        this.outbound = GuardedClient.build("cartage-fetch", properties.maxConnections(), properties.connectTimeout(),
                properties.responseTimeout(), guard, this::fetchSpecific);
    }

    private HttpClient fetchSpecific(HttpClient client) {
        return client
                .compress(true)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT_ENCODING, ACCEPTED_ENCODINGS))
                .observe((connection, state) -> {
                    if (state == ConnectionObserver.State.CONNECTED) { // a new connection, not one taken from the pool
                        opened.increment();
                    }
                });
    }

    public HttpClient client() {
        return outbound.client();
    }

    /** Connections opened since start: with the request count, shows whether connections are reused. */
    public long connectionsOpened() {
        return opened.sum();
    }

    /** Closes the pooled connections when the service stops. */
    @PreDestroy
    public void close() {
        outbound.close();
    }
}
