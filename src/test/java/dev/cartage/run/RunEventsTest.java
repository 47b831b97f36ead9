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
 * {@code GET /api/runs/{id}/events} (docs/api.md): {@code stages} snapshots at most 4 per second, one {@code outcome}
 * per item, and a last {@code done} carrying the final RunStatus, after which the stream ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class RunEventsTest {

    @Autowired
    WebTestClient http;

    @Test
    void aLiveRunStreamsStagesAndOutcomesAndEndsWithDone() {
        RunStatus accepted = new RunsApi(http).start(Map.of(
                "sources", List.of(Map.of("pile", Map.of("count", 40, "latency", "100ms"))),
                "stages", Map.of("fetch", Map.of("parallelism", 4))));
        long start = System.nanoTime();

        List<ServerSentEvent<JsonNode>> events = http.get().uri("/api/runs/{id}/events", accepted.id())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null)
                .collectList()
                .block(Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(events).isNotNull();
        assertThat(events.stream().filter(e -> "outcome".equals(e.event()))).hasSize(40);
        long stages = events.stream().filter(e -> "stages".equals(e.event())).count();
        assertThat(stages).as("stages events in %.2f s", seconds).isPositive()
                .isLessThanOrEqualTo((long) Math.ceil(seconds * 4) + 1);
        ServerSentEvent<JsonNode> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("done");
        assertThat(last.data().get("status").asString()).isEqualTo("completed");
        assertThat(last.data().get("stages")).hasSize(4);
        assertThat(events.stream().filter(e -> "stages".equals(e.event())).findFirst().orElseThrow().data())
                .hasSize(4);
    }

    @Test
    void anEndedRunGivesItsOutcomesAndDoneAtOnce() {
        RunsApi api = new RunsApi(http);
        RunStatus accepted = api.start(Map.of("sources", List.of(Map.of("inline", "<p>one page</p>", "type", "text/html"))));
        api.results(accepted.id());

        List<String> names = http.get().uri("/api/runs/{id}/events", accepted.id())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody()
                .map(event -> String.valueOf(event.event()))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(names).contains("outcome").endsWith("done");
    }

    @Test
    void anUnknownRunIsNotFound() {
        http.get().uri("/api/runs/r-unknown/events").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isNotFound();
    }
}
