package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.support.RunsApi;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/pipeline} (docs/api.md): a JSON run request or NDJSON source lines in, outcomes out as NDJSON or SSE
 * while they are delivered; the run is listed with its id in {@code X-Run-Id}; bad settings are a 400 before any
 * work; a bad line is one failed outcome where its items would have been.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartage.limits.max-line-size=2KB")
@AutoConfigureWebTestClient(timeout = "60s")
class PipelineApiTest {

    @Autowired
    WebTestClient http;

    @Test
    void aJsonRunRequestStreamsEveryOutcomeAsNdjsonAndIsListedUnderItsId() {
        FluxExchangeResult<Outcome> result = http.post().uri("/api/pipeline")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 30, "failEvery", 10))),
                        "format", "text"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(Outcome.class);
        String id = result.getResponseHeaders().getFirst("X-Run-Id");
        List<Outcome> outcomes = result.getResponseBody().collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(30);
        assertThat(outcomes).extracting(Outcome::seq).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, 30).boxed().toList());
        assertThat(outcomes.stream().filter(o -> !o.ok())).hasSize(3)
                .allSatisfy(o -> assertThat(o.error().type()).isEqualTo("http-status"));
        assertThat(outcomes.stream().filter(Outcome::ok)).allSatisfy(o -> {
            assertThat(o.format()).isEqualTo("text");
            assertThat(o.content()).isNotBlank();
        });

        RunStatus status = new RunsApi(http).status(id);
        assertThat(status.status()).isEqualTo("completed");
        assertThat(status.deliver()).isEqualTo("response");
        assertThat(status.items().total()).isEqualTo(30);
        assertThat(status.items().failed()).isEqualTo(3);
        assertThat(http.get().uri("/api/runs").exchange().expectBody(JsonNode.class).returnResult().getResponseBody())
                .anySatisfy(run -> assertThat(run.get("id").asString()).isEqualTo(id));
        // the content went to the client; the run keeps a record of every item
        assertThat(new RunsApi(http).results(id)).hasSize(30).allSatisfy(o -> assertThat(o.content()).isNull());
    }

    @Test
    void ndjsonSourceLinesTakeTheirSettingsFromTheQueryString() {
        String body = """
                "http://127.0.0.1:%1$d/pile/manuals/1"
                {"pile": {"count": 3, "seed": 7}}

                {"inline": "# Notes\\n\\nA short note.", "type": "text/markdown", "name": "notes.md"}
                """.formatted(port());
        List<Outcome> outcomes = http.post()
                .uri("/api/pipeline?format=json&ordered=true&fetch.parallelism=2&render.buffer=4")
                .contentType(MediaType.APPLICATION_NDJSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class).getResponseBody().collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).extracting(Outcome::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.ok()).as("%s", o).isTrue();
            assertThat(o.format()).isEqualTo("json");
        });
        assertThat(outcomes.get(4).source()).isEqualTo("notes.md");
        assertThat(outcomes.get(4).content()).contains("A short note.");
    }

    @Test
    void aBadLineIsOneFailedOutcomeAndTheStreamGoesOn() {
        String tooLong = "\"http://example.org/" + "a".repeat(3000) + "\"";
        String body = String.join("\n",
                "\"http://127.0.0.1:" + port() + "/pile/manuals/1\"",
                "not json at all",
                "\"ftp://example.org/file\"",
                "{\"pile\": {\"count\": -4}}",
                "\"http://127.0.0.1:" + port() + "/pile/manuals/2\"",
                tooLong,
                "\"http://127.0.0.1:" + port() + "/pile/manuals/3\"");
        List<Outcome> outcomes = http.post().uri("/api/pipeline?ordered=true")
                .contentType(MediaType.APPLICATION_NDJSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class).getResponseBody().collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).extracting(Outcome::status)
                .containsExactly("ok", "failed", "failed", "failed", "ok", "failed");
        assertThat(outcomes.get(1).error().type()).isEqualTo("invalid-url");
        assertThat(outcomes.get(1).error().message()).startsWith("line 2: not JSON");
        assertThat(outcomes.get(2).error().message()).startsWith("line 3: ").contains("http");
        assertThat(outcomes.get(3).error().message()).startsWith("line 4: ").contains("count");
        assertThat(outcomes.get(5).error().message())
                .contains("line 6", "cartage.limits.max-line-size", "the rest of the body was not read");
    }

    @Test
    void serverSentEventsCarryOneOutcomeEventPerItem() {
        List<ServerSentEvent<Outcome>> events = http.post().uri("/api/pipeline")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 5)))))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Outcome>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(60));

        // first a comment naming the run, which sends the headers before the first outcome is ready
        assertThat(events.get(0).comment()).startsWith("run r-");
        assertThat(events.subList(1, events.size())).hasSize(5).allSatisfy(event -> {
            assertThat(event.event()).isEqualTo("outcome");
            assertThat(event.id()).isEqualTo(Long.toString(event.data().seq()));
        });
    }

    @Test
    void aRunningStreamIsListedWithLiveCountersAndADeleteEndsIt() {
        FluxExchangeResult<Outcome> result = http.post().uri("/api/pipeline")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 2000, "latency", "50ms"))),
                        "stages", Map.of("fetch", Map.of("parallelism", 4))))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class);
        String id = result.getResponseHeaders().getFirst("X-Run-Id");
        Flux<Outcome> body = result.getResponseBody().cache();
        assertThat(body.take(3).collectList().block(Duration.ofSeconds(30))).hasSize(3);

        RunStatus live = new RunsApi(http).status(id);
        assertThat(live.status()).isEqualTo("running");
        assertThat(live.stages().get(0).received()).isPositive();

        http.delete().uri("/api/runs/{id}", id).exchange().expectStatus().isAccepted();
        List<Outcome> all = body.collectList().block(Duration.ofSeconds(30));
        assertThat(all.size()).isLessThan(2000);
        assertThat(new RunsApi(http).status(id).status()).isEqualTo("cancelled");
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "format=pdf                        | format",
            "fetch.parallelism=0               | fetch.parallelism",
            "fetch.parallelism=many            | fetch.parallelism",
            "marshal.buffer=-1                 | marshal.buffer",
            "deliver.timeout=forever           | deliver.timeout",
            "render.overflow=spill             | render.overflow",
            "ordered=maybe                     | ordered",
            "speed=11                          | speed",
            "fetch.colour=blue                 | fetch.colour",
            "format=text&format=json           | format"})
    void aBadQueryParameterIsA400NamingIt(String query, String field) {
        http.post().uri("/api/pipeline?" + query)
                .contentType(MediaType.APPLICATION_NDJSON)
                .bodyValue("\"https://example.org/a\"\n")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void aJsonBodyMayNotNameADestinationOrUseQueryParameters() {
        http.post().uri("/api/pipeline?format=text")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of("https://example.org/a"), "deliver", Map.of("to", "store")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("deliver")
                .jsonPath("$.errors[1].field").isEqualTo("format");
    }

    @Test
    void aBadJsonRunRequestIsA400BeforeAnyWork() {
        http.post().uri("/api/pipeline")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(), "stages", Map.of("fetch", Map.of("buffer", 1_000_000))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("sources")
                .jsonPath("$.errors[1].field").isEqualTo("stages.fetch.buffer");
    }

    @Autowired
    org.springframework.core.env.Environment environment;

    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }
}
