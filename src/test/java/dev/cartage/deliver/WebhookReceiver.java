package dev.cartage.deliver;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A local webhook receiver for the tests: records every POST (path, headers, body), counts the attempts per
 * {@code Idempotency-Key} and the requests in progress per path, and answers with the status its behaviour gives
 * for (path, attempt number of that key), when that Mono completes. A request counts as finished before its
 * answer is written, so a client can never see it end earlier.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    record Hit(String path, String key, String contentType, String userAgent, String body) {
    }

    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private final DisposableServer server;

    /** @param behaviour (path, attempt of this key, from 1) → the status to answer, possibly after a delay */
    WebhookReceiver(BiFunction<String, Integer, Mono<Integer>> behaviour) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
                        .flatMap(body -> answer(request, body, behaviour))
                        .flatMap(status -> response.status(status).send()))
                .bindNow();
    }

    private Mono<Integer> answer(HttpServerRequest request, String body,
                                 BiFunction<String, Integer, Mono<Integer>> behaviour) {
        String path = request.uri().split("\\?", 2)[0];
        String key = request.requestHeaders().get("Idempotency-Key");
        hits.add(new Hit(path, key, request.requestHeaders().get("Content-Type"),
                request.requestHeaders().get("User-Agent"), body));
        int attempt = counter(attempts, String.valueOf(key)).incrementAndGet();
        int now = counter(inFlight, path).incrementAndGet();
        counter(maxInFlight, path).accumulateAndGet(now, Math::max);
        // counted out before the answer leaves: counted out after it (doFinally), the client could read it and send
        // its next POST before this one was counted out, and two POSTs in flight would be measured as three
        java.util.concurrent.atomic.AtomicBoolean out = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable countOut = () -> {
            if (out.compareAndSet(false, true)) {
                counter(inFlight, path).decrementAndGet();
            }
        };
        return behaviour.apply(path, attempt)
                .doOnSuccess(status -> countOut.run())
                .doOnError(error -> countOut.run())
                .doOnCancel(countOut);
    }

    int port() {
        return server.port();
    }

    /** {@code path} on this receiver, addressed as {@code host} (127.0.0.1 unless a test resolver says more). */
    URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.port() + path);
    }

    URI url(String path) {
        return url("127.0.0.1", path);
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(hit -> hit.path().equals(path)).toList();
    }

    int maxInFlight(String path) {
        return counter(maxInFlight, path).get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> counters, String key) {
        return counters.computeIfAbsent(key, k -> new AtomicInteger());
    }
}
