package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cartage.pipeline.StageSnapshot;
import dev.cartage.support.RunsApi;
import io.netty.channel.ChannelOption;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * Backpressure end to end over HTTP: a real client that reads {@code /api/pipeline}'s NDJSON answer at
 * 5 outcomes per second holds the whole pipeline back, down to the sources. While it reads, the items the fetch
 * stage has taken from the pile never exceed what the client has read, plus what the stages may hold
 * (Σ parallelism + buffer), plus 512 for what the transport holds (the server's encoder and socket, the client's
 * socket and decoder).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class PipelineBackpressureTest {

    private static final int TRANSPORT_ALLOWANCE = 512;

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void aSlowReaderHoldsTheFetchStageWithinWhatItReadPlusTheStagesBuffersPlusTheTransport() {
        ConnectionProvider oneConnection = ConnectionProvider.newConnection();
        // a small receive window, as a slow client on a real network would advertise
        HttpClient slowClient = HttpClient.create(oneConnection).option(ChannelOption.SO_RCVBUF, 16 * 1024);
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(slowClient)).build();
        AtomicInteger read = new AtomicInteger();
        AtomicReference<String> runId = new AtomicReference<>();
        Disposable reader = client.post().uri("/api/pipeline")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 5000)))))
                .exchangeToFlux(response -> {
                    runId.set(response.headers().asHttpHeaders().getFirst("X-Run-Id"));
                    return response.bodyToFlux(JsonNode.class);
                })
                .limitRate(1)
                // 5 outcomes per second: each one is "processed" for 200 ms before the next is asked for
                .concatMap(outcome -> Mono.delay(Duration.ofMillis(200)).thenReturn(outcome), 1)
                .subscribe(outcome -> read.incrementAndGet());
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> read.get() >= 5);
            List<String> samples = new ArrayList<>();
            for (int sample = 0; sample < Integer.getInteger("backpressure.samples", 12); sample++) {
                int readBefore = read.get();
                RunStatus status = new RunsApi(http).status(runId.get());
                long received = status.stages().get(0).received();
                long held = status.stages().stream().mapToLong(s -> s.parallelism() + s.buffer()).sum();
                samples.add("read " + readBefore + ", fetch received " + received + ", stages hold " + held);
                assertThat(status.status()).isEqualTo("running");
                assertThat(received).as("sample %s", samples).isLessThanOrEqualTo(readBefore + held + TRANSPORT_ALLOWANCE);
                org.awaitility.Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            }
            System.out.println("PipelineBackpressureTest: " + samples);
            // the reader is the bottleneck: the pipeline has run ahead of it only by its bounded allowance
            assertThat(read.get()).isLessThan(150);
        } finally {
            reader.dispose();
            oneConnection.dispose();
        }
        // the reader went away: the run is cancelled and its stages are emptied
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            RunStatus after = new RunsApi(http).status(runId.get());
            assertThat(after.status()).isEqualTo("cancelled");
            assertThat(after.stages()).allSatisfy(stage -> assertThat(stage.inFlight() + stage.queued()).isZero());
        });
    }
}
