package dev.cartage.bench;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * The soak's one HTTP client: every request of {@link SoakBench} (renders, runs, results, actuator) goes through this
 * Reactor Netty client and its own connection pool, so that "the client's connections are back to zero afterwards"
 * is about all of them. It counts its connections two ways: the pool's own metrics (acquired and allocated, through
 * a {@link ConnectionProvider.MeterRegistrar} that keeps the pool's {@link ConnectionPoolMetrics}), and the TCP
 * channels it opened minus those whose close future completed.
 *
 * <p>Every answer is tallied by kind ({@code render}, {@code runs}, {@code actuator}) and status, so that a 500 from
 * any endpoint the soak touches is counted.
 */
final class SoakClient implements AutoCloseable {

    /** An HTTP answer: its status and body, and how long it took from the request to the whole body. */
    record Answer(int status, String body, long nanos) {
    }

    private final ConnectionProvider pool;
    private final HttpClient client;
    private final List<ConnectionPoolMetrics> poolMetrics = new CopyOnWriteArrayList<>();
    private final AtomicInteger openChannels = new AtomicInteger();
    private final LongAdder openedChannels = new LongAdder();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

    SoakClient(String baseUrl, int maxConnections) {
        this.pool = ConnectionProvider.builder("soak-bench")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(2))
                .metrics(true, () -> new ConnectionProvider.MeterRegistrar() {
                    @Override
                    public void registerMetrics(String poolName, String id, SocketAddress remote,
                                                ConnectionPoolMetrics metrics) {
                        poolMetrics.add(metrics);
                    }
                })
                .build();
        this.client = HttpClient.create(pool)
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofMinutes(2))
                .doOnChannelInit((observer, channel, remote) -> {
                    openedChannels.increment();
                    openChannels.incrementAndGet();
                    channel.closeFuture().addListener(closed -> openChannels.decrementAndGet());
                });
    }

    /** GETs {@code uri} (relative to the base URL) and tallies the answer under {@code kind}. */
    Mono<Answer> get(String uri, String kind) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return client.get().uri(uri)
                    .responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                            .map(text -> new Answer(response.status().code(), text, System.nanoTime() - start)))
                    .doOnNext(answer -> tally(kind, answer.status()));
        });
    }

    /** GETs {@code uri} and returns its whole body as bytes (NDJSON results: lines are split on bytes, not chars). */
    Mono<byte[]> getBytes(String uri, String kind) {
        return client.get().uri(uri)
                .responseSingle((response, body) -> {
                    tally(kind, response.status().code());
                    if (response.status().code() != 200) {
                        return body.asString().defaultIfEmpty("").flatMap(text -> Mono.error(new IllegalStateException(
                                "GET " + uri + " answered " + response.status().code() + ": " + text)));
                    }
                    return body.asByteArray().defaultIfEmpty(new byte[0]);
                });
    }

    /** POSTs a JSON body and tallies the answer under {@code kind}. */
    Mono<Answer> postJson(String uri, String json, String kind) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return client.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                    .post().uri(uri)
                    .send(ByteBufFlux.fromString(Mono.just(json)))
                    .responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                            .map(text -> new Answer(response.status().code(), text, System.nanoTime() - start)))
                    .doOnNext(answer -> tally(kind, answer.status()));
        });
    }

    private void tally(String kind, int status) {
        answers.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
    }

    /** Answers of {@code kind} whose status is in [from, to]. */
    long answers(String kind, int from, int to) {
        return answers.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind + " "))
                .filter(e -> {
                    int status = Integer.parseInt(e.getKey().substring(kind.length() + 1));
                    return status >= from && status <= to;
                })
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Connections the pool has handed out and not yet got back. */
    int acquired() {
        return poolMetrics.stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }

    /** Connections the pool holds (acquired + idle). */
    int allocated() {
        return poolMetrics.stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum();
    }

    /** TCP channels this client opened that are not closed yet (counted by the client itself). */
    int openChannels() {
        return openChannels.get();
    }

    long openedChannels() {
        return openedChannels.sum();
    }

    /** Closes the pool: its idle connections are closed; acquired ones (there should be none) too. */
    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(30));
    }
}
