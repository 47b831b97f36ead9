package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.support.RunsApi;
import tools.jackson.databind.JsonNode;

/**
 * {@code /events} of a run with nothing to say for a while still sends comment heartbeats
 * ({@code cartage.runs.heartbeat}, shortened here), so that proxies keep the idle stream open, and ends with
 * {@code done}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cartage.runs.heartbeat=200ms")
@AutoConfigureWebTestClient(timeout = "30s")
class RunEventsHeartbeatTest {

    @Autowired
    WebTestClient http;

    @Test
    void anIdleRunSendsHeartbeatsUntilItIsDone() {
        RunStatus accepted = new RunsApi(http).start(Map.of(
                "sources", List.of(Map.of("pile", Map.of("count", 1, "latency", "2s")))));

        List<ServerSentEvent<JsonNode>> events = http.get().uri("/api/runs/{id}/events", accepted.id())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(events).isNotNull();
        // the one page takes 2 s to arrive: several 200 ms heartbeats go out while the run waits
        assertThat(events.stream().filter(event -> "heartbeat".equals(event.comment()))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.get(events.size() - 1).event()).isEqualTo("done");
    }
}
