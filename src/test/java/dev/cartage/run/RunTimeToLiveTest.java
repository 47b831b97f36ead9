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

import dev.cartage.support.RunsApi;

/**
 * {@code cartage.runs.ttl}: a finished run is forgotten that long after it ended and then answers a 404 problem
 * that names the setting; a run still running is kept however old it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cartage.runs.ttl=1s")
@AutoConfigureWebTestClient(timeout = "60s")
class RunTimeToLiveTest {

    @Autowired
    WebTestClient http;

    @Test
    void aFinishedRunIsForgottenAfterItsTimeToLiveAndARunningOneIsNot() {
        RunsApi api = new RunsApi(http);
        RunStatus slow = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 4, "latency", "20s"))),
                "stages", Map.of("fetch", Map.of("parallelism", 1, "timeout", "30s"))));
        RunStatus quick = api.start(Map.of("sources", List.of(Map.of("inline", "<p>short-lived</p>", "type", "text/html"))));
        api.results(quick.id());
        assertThat(api.status(quick.id()).status()).isEqualTo("completed");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                http.get().uri("/api/runs/{id}", quick.id()).exchange()
                        .expectStatus().isNotFound()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.detail").value(detail ->
                                assertThat((String) detail).contains("cartage.runs.ttl")));

        assertThat(api.status(slow.id()).status()).isEqualTo("running");
        http.delete().uri("/api/runs/{id}", slow.id()).exchange().expectStatus().isAccepted();
    }
}
