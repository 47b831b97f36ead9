package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cartage.support.RunsApi;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * A client that disconnects from {@code /api/pipeline} cancels its run: the fetches in flight stop, the
 * origin sees their connections close, the fetch client's pool holds no active connection afterwards, and no new
 * request starts. The origin is a local server whose pages never answer, counting requests and closed connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cartage.fetch.guard.allow[0]=127.0.0.1:*",
        "cartage.fetch.politeness.host-concurrency=8",
        "cartage.stages.fetch.timeout=60s",
        "cartage.stages.fetch.retries=0"})
@AutoConfigureWebTestClient(timeout = "30s")
class PipelineDisconnectTest {

    private static final int PARALLELISM = 6;

    private static DisposableServer origin;
    private static final AtomicInteger requests = new AtomicInteger();
    private static final AtomicInteger closedWhileWaiting = new AtomicInteger();

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry metrics;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startHangingOrigin() {
        origin = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/page/{n}", (request, response) -> {
                    requests.incrementAndGet();
                    request.withConnection(connection -> connection.onDispose(closedWhileWaiting::incrementAndGet));
                    return Mono.never();
                }))
                .bindNow();
    }

    @AfterAll
    static void stopOrigin() {
        origin.disposeNow();
    }

    @Test
    void aClientThatDisconnectsCancelsItsRunAndItsFetchesReleaseTheirConnections() {
        List<String> pages = IntStream.range(0, 40).mapToObj(n -> "http://127.0.0.1:" + origin.port() + "/page/" + n).toList();
        ConnectionProvider clientPool = ConnectionProvider.newConnection();
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(clientPool))).build();
        AtomicReference<String> runId = new AtomicReference<>();
        Disposable reader = client.post().uri("/api/pipeline")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", pages, "stages", Map.of("fetch", Map.of("parallelism", PARALLELISM))))
                .exchangeToFlux(response -> {
                    runId.set(response.headers().asHttpHeaders().getFirst("X-Run-Id"));
                    return response.bodyToFlux(JsonNode.class);
                })
                .subscribe();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> requests.get() == PARALLELISM);
            assertThat(activeFetchConnections()).isEqualTo(PARALLELISM);
        } finally {
            // the client goes away mid-run: its connection to the service closes
            reader.dispose();
            clientPool.dispose();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(closedWhileWaiting.get()).as("origin connections closed under waiting requests").isEqualTo(PARALLELISM);
            assertThat(activeFetchConnections()).as("active connections of the fetch pool").isZero();
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runId.get() != null
                && !"running".equals(new RunsApi(http).status(runId.get()).status()));
        RunStatus status = new RunsApi(http).status(runId.get());
        assertThat(status.status()).isEqualTo("cancelled");
        assertThat(status.error()).isEqualTo("the client disconnected");
        assertThat(status.stages().get(0).inFlight()).isZero();
        assertThat(status.stages().get(0).cancelled()).isEqualTo(PARALLELISM);
        assertThat(requests.get()).as("no request starts after the disconnect").isEqualTo(PARALLELISM);
    }

    /** The fetch client's pool, as its Micrometer gauges report it (summed over remote addresses). */
    private double activeFetchConnections() {
        return metrics.find("reactor.netty.connection.provider.active.connections").tag("name", "cartage-fetch")
                .gauges().stream().mapToDouble(Gauge::value).sum();
    }
}
