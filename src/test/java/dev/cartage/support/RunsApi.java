package dev.cartage.support;

import java.time.Duration;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.run.RunStatus;

/** The run API as tests call it: start a run, read its outcomes to the end, read its status. */
public record RunsApi(WebTestClient http) {

    /** {@code POST /api/runs}, expecting 202. */
    public RunStatus start(Object request) {
        return http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(RunStatus.class).returnResult().getResponseBody();
    }

    /** {@code GET /api/runs/{id}/results} as NDJSON, followed until the run ends (at most a minute). */
    public List<Outcome> results(String id) {
        return http.get().uri("/api/runs/{id}/results", id).accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class).getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(60));
    }

    /** {@code GET /api/runs/{id}}, expecting 200. */
    public RunStatus status(String id) {
        return http.get().uri("/api/runs/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(RunStatus.class).returnResult().getResponseBody();
    }
}
