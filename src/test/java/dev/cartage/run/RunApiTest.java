package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSnapshot;
import dev.cartage.support.RunsApi;
import reactor.test.StepVerifier;

/** The first end-to-end slice of the run API, over real HTTP against the built-in pile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class RunApiTest {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void pileRunCompletesWithOneOutcomePerPageAndFailsExactlyTheFailingPages() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 30, "failEvery", 10)))));
        assertThat(accepted.status()).isEqualTo("running");
        assertThat(accepted.stages()).extracting(StageSnapshot::stage)
                .containsExactly(Stage.FETCH, Stage.MARSHAL, Stage.RENDER, Stage.DELIVER);

        List<Outcome> outcomes = runs().results(accepted.id());

        assertThat(outcomes).hasSize(30);
        assertThat(outcomes).extracting(Outcome::seq).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, 30).boxed().toList());
        assertThat(outcomes).filteredOn(o -> !o.ok()).extracting(Outcome::seq).containsExactlyInAnyOrder(9L, 19L, 29L);
        Outcome failed = outcomes.stream().filter(o -> o.seq() == 9).findFirst().orElseThrow();
        assertThat(failed.error().stage()).isEqualTo("fetch");
        assertThat(failed.error().type()).isEqualTo("http-status");
        assertThat(failed.error().httpStatus()).isEqualTo(503);
        assertThat(failed.content()).isNull();
        Outcome page = outcomes.stream().filter(o -> o.seq() == 0).findFirst().orElseThrow();
        assertThat(page.mediaType()).isEqualTo("text/markdown;charset=UTF-8");
        assertThat(page.format()).isEqualTo("markdown");
        assertThat(page.content()).startsWith("# ").contains("\n\n## ");
        assertThat(page.content()).doesNotContain("cookie-banner", "<nav");
        assertThat(page.timings().fetchMs()).isPositive();

        RunStatus done = runs().status(accepted.id());
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.finishedAt()).isNotNull();
        assertThat(done.items()).isEqualTo(new RunStatus.Items(30L, 27, 3));
        done.stages().forEach(stage -> {
            assertThat(stage.received()).isEqualTo(30);
            assertThat(stage.inFlight()).isZero();
            assertThat(stage.queued()).isZero();
        });
        assertThat(done.stages().get(0).failed()).isEqualTo(3);
    }

    @Test
    void resultsFollowARunningRunLiveAndEndWithIt() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 40, "latency", "50ms"))),
                "stages", Map.of("fetch", Map.of("parallelism", 4))));

        // asked for at once: the run is still going, so the stream must wait for the outcomes still to come
        StepVerifier.create(http.get().uri("/api/runs/{id}/results", accepted.id())
                        .accept(MediaType.APPLICATION_NDJSON)
                        .exchange()
                        .expectStatus().isOk()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                        .returnResult(Outcome.class).getResponseBody())
                .expectNextCount(40)
                .expectComplete()
                .verify(Duration.ofSeconds(60));
        assertThat(runs().status(accepted.id()).status()).isEqualTo("completed");
    }

    @Test
    void orderedRunDeliversInSourceOrderAndSseCarriesOutcomeEvents() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(
                        "http://127.0.0.1:" + port + "/pile/manuals/7",
                        Map.of("pile", Map.of("count", 20, "latency", "5ms", "seed", 3))),
                "ordered", true));

        List<ServerSentEvent<Outcome>> events = http.get().uri("/api/runs/{id}/results", accepted.id())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Outcome>>() { })
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(events).hasSize(21).allSatisfy(e -> assertThat(e.event()).isEqualTo("outcome"));
        assertThat(events).extracting(e -> e.data().seq()).isSorted();
        assertThat(events.get(0).data().source()).endsWith("/pile/manuals/7");
        assertThat(events.get(1).data().source()).contains("/pile/manuals/0?seed=3");
    }

    @Test
    void discardedRunsAreCountedButNotKept() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 25))),
                "deliver", Map.of("to", "discard")));

        assertThat(runs().results(accepted.id())).isEmpty();
        RunStatus done = runs().status(accepted.id());
        assertThat(done.items()).isEqualTo(new RunStatus.Items(25L, 25, 0));
        assertThat(done.deliver()).isEqualTo("discard");
    }

    @Test
    void runsAreListedNewestFirst() {
        String first = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 1))))).id();
        String second = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 1))))).id();

        List<RunStatus> listed = http.get().uri("/api/runs").exchange()
                .expectStatus().isOk()
                .expectBodyList(RunStatus.class).returnResult().getResponseBody();

        List<String> ids = listed.stream().map(RunStatus::id).toList();
        assertThat(ids).contains(first, second);
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
    }

    @Test
    void startAnswers202WithTheRunsLocation() {
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 2)))))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/runs/r-[0-9a-f-]+")
                .expectBody().jsonPath("$.id").isNotEmpty().jsonPath("$.format").isEqualTo("markdown");
    }

    @Test
    void stageCountersReachPrometheusUnderTheirApiNames() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 12, "failEvery", 4)))));
        runs().results(accepted.id());

        String scrape = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("cartage_stage_received_total{", "cartage_stage_failed_total{",
                "cartage_stage_in_flight{", "cartage_stage_queued{");
        assertThat(counter(scrape, "cartage_stage_received_total", "deliver")).isGreaterThanOrEqualTo(12);
        assertThat(counter(scrape, "cartage_stage_failed_total", "fetch")).isGreaterThanOrEqualTo(3);
    }

    private static double counter(String scrape, String name, String stage) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("stage=\"" + stage + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    private RunsApi runs() {
        return new RunsApi(http);
    }
}
