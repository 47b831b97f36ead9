package dev.cartage.deliver;

import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import jakarta.annotation.PreDestroy;
import org.reactivestreams.Publisher;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.guard.TargetGuard;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The webhook sink's own connection pool ({@code cartage-webhook}, with Reactor Netty's pool metrics) and the
 * client on top of it. It follows no redirects (a 3xx is an answer like any other non-2xx, so a receiver cannot
 * bounce the outcomes elsewhere), and every connection passes the fetch stage's SSRF guard
 * ({@link TargetGuard#secure(HttpClient)}, applied last): a name that resolves into a denied range is refused
 * at connect time, whatever the URL check let through.
 */
@Component
class WebhookClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ConnectionProvider pool;
    private final HttpClient client;

    WebhookClient(WebhookProperties properties, FetchProperties fetch, TargetGuard guard) {
        this.pool = ConnectionProvider.builder("cartage-webhook")
                .maxConnections(properties.maxConnections())
                // waiting for a connection is bounded by the deliver stages' parallelism and by each attempt's timeout
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .disposeInactivePoolsInBackground(Duration.ofMinutes(1), Duration.ofMinutes(5))
                .metrics(true)
                .build();
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
        this.client = guard.secure(HttpClient.create(pool)
                // NIO like the fetch client (see FetchConnections)
                .runOn(HttpResources.get(), false)
                .followRedirect(false)
                .headers(headers -> headers.set(HttpHeaderNames.USER_AGENT, fetch.userAgent()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .responseTimeout(properties.timeout()));
    }

    /**
     * One POST of {@code body} (JSON) to {@code url}; completes with the receiver's answer once its body has been
     * read (and dropped), so that the connection can go back to the pool. Never follows a redirect.
     */
    Mono<Answer> post(URI url, byte[] body, String idempotencyKey) {
        return client.post()
                .uri(url)
                .send((request, outbound) -> sendJson(request, outbound, body, idempotencyKey))
                .response((response, content) -> content.then(Mono.fromSupplier(() -> Answer.of(response))))
                .next();
    }

    private static Publisher<Void> sendJson(HttpClientRequest request, NettyOutbound outbound, byte[] body,
                                            String idempotencyKey) {
        request.requestHeaders()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(IDEMPOTENCY_KEY, idempotencyKey);
        return outbound.sendByteArray(Mono.just(body));
    }

    /** Closes the pooled connections when the service stops. */
    @PreDestroy
    void close() {
        pool.dispose();
    }

    /**
     * @param status     the HTTP status
     * @param retryAfter the {@code Retry-After} header, or null
     */
    record Answer(int status, String retryAfter) {

        static Answer of(HttpClientResponse response) {
            return new Answer(response.status().code(), response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER));
        }

        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }
}
