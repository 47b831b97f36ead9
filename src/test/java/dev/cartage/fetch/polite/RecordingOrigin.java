package dev.cartage.fetch.polite;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import io.netty.handler.codec.http.HttpHeaders;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A local origin for the politeness tests: every request is answered by one handler after a fixed latency, and
 * recorded (host, path, headers, arrival on the server's clock); requests in progress are counted per host. A
 * request counts as finished before its answer is written, so a client can never see it end earlier.
 */
final class RecordingOrigin implements AutoCloseable {

    /** One request as the server saw it; {@code arrivedNanos} is on the server's {@link System#nanoTime()}. */
    record Hit(String host, String path, HttpHeaders headers, long arrivedNanos) {
    }

    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private final DisposableServer server;

    RecordingOrigin(Duration latency, BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    String host = hostOf(request);
                    hits.add(new Hit(host, request.uri(), request.requestHeaders().copy(), System.nanoTime()));
                    int now = counter(inFlight, host).incrementAndGet();
                    counter(maxInFlight, host).accumulateAndGet(now, Math::max);
                    Mono<Void> finished = Mono.fromRunnable(() -> counter(inFlight, host).decrementAndGet());
                    Mono<Void> waited = latency.isZero() ? finished : Mono.delay(latency).then(finished);
                    return waited.then(Mono.defer(() -> Mono.from(handler.apply(request, response))));
                })
                .bindNow();
    }

    RecordingOrigin(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
        this(Duration.ZERO, handler);
    }

    /** {@code path} on this origin, addressed as {@code 127.0.0.1}. */
    URI url(String path) {
        return url("127.0.0.1", path);
    }

    /** {@code path} on this origin, addressed by {@code host} (which must resolve to 127.0.0.1). */
    URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.port() + path);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(hit -> hit.path().equals(path)).toList();
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    int maxInFlight(String host) {
        return counter(maxInFlight, host).get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private static String hostOf(HttpServerRequest request) {
        String host = request.requestHeaders().get("Host", "");
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> counters, String host) {
        return counters.computeIfAbsent(host, h -> new AtomicInteger());
    }
}
