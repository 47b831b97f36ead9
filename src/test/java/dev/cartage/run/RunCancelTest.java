package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.support.RunsApi;

/**
 * {@code DELETE /api/runs/{id}} (docs/api.md): a running run is cancelled — 202, status {@code cancelled}, its outcome
 * stream ends with what was delivered so far — and a run that has ended answers 409, an unknown one 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class RunCancelTest {

    @Autowired
    WebTestClient http;

    @Test
    void cancellingARunningRunStopsItAndKeepsWhatWasDelivered() {
        RunsApi api = new RunsApi(http);
        RunStatus accepted = api.start(Map.of(
                "sources", List.of(Map.of("pile", Map.of("count", 500, "latency", "300ms"))),
                "stages", Map.of("fetch", Map.of("parallelism", 4))));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(accepted.id()).items().succeeded() >= 4);

        RunStatus cancelled = http.delete().uri("/api/runs/{id}", accepted.id()).exchange()
                .expectStatus().isAccepted()
                .expectBody(RunStatus.class).returnResult().getResponseBody();

        assertThat(cancelled.status()).isEqualTo("cancelled");
        assertThat(cancelled.finishedAt()).isNotNull();
        List<Outcome> delivered = api.results(accepted.id()); // ends: the run has ended
        RunStatus after = api.status(accepted.id());
        assertThat(after.status()).isEqualTo("cancelled");
        assertThat((long) delivered.size()).isEqualTo(after.items().succeeded() + after.items().failed())
                .isLessThan(500);
    }

    @Test
    void anEndedRunCannotBeCancelled() {
        RunsApi api = new RunsApi(http);
        RunStatus accepted = api.start(Map.of("sources", List.of(Map.of("inline", "<p>done</p>", "type", "text/html"))));
        api.results(accepted.id());

        http.delete().uri("/api/runs/{id}", accepted.id()).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("already ended (completed)", "only a running run can be cancelled"));
        assertThat(api.status(accepted.id()).status()).isEqualTo("completed");
    }

    @Test
    void anUnknownRunIsNotFound() {
        http.delete().uri("/api/runs/r-unknown").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
