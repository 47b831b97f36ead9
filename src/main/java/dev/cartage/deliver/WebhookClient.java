package dev.cartage.deliver;

import java.net.URI;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import jakarta.annotation.PreDestroy;
import org.reactivestreams.Publisher;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.GuardedClient;
import dev.cartage.fetch.guard.TargetGuard;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * The webhook sink's own connection pool ({@code cartage-webhook}) and the client on top of it, built as every
 * outbound client is ({@link GuardedClient}: NIO, pool metrics, the fetch stage's SSRF guard applied last). It
 * follows no redirects (a 3xx is an answer like any other non-2xx, so a receiver cannot bounce the outcomes
 * elsewhere), and a name that resolves into a denied range is refused at connect time, whatever the URL check let
 * through.
 */
@Component
class WebhookClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final GuardedClient outbound;

    WebhookClient(WebhookProperties properties, FetchProperties fetch, TargetGuard guard) {
        // waiting for a connection is bounded by the deliver stages' parallelism and by each attempt's timeout
        this.outbound = GuardedClient.build("cartage-webhook", properties.maxConnections(), properties.timeout(),
                properties.timeout(), guard,
                client -> client.headers(headers -> headers.set(HttpHeaderNames.USER_AGENT, fetch.userAgent())));
    }

    /**
     * One POST of {@code body} (JSON) to {@code url}; completes with the receiver's answer once its body has been
     * read (and dropped), so that the connection can go back to the pool. Never follows a redirect.
     */
    Mono<Answer> post(URI url, byte[] body, String idempotencyKey) {
        return outbound.client().post()
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
        outbound.close();
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
