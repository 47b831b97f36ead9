package dev.cartage.fetch.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.support.RunsApi;
import dev.cartage.fetch.mirror.LocalMirror.Behaviour;
import dev.cartage.run.RunStatus;

/** A run with mirrored sources through the whole service: its per-mirror counts in RunStatus and in Prometheus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartage.fetch.guard.allow[0]=127.0.0.1:*")
@AutoConfigureWebTestClient(timeout = "60s")
class MirrorRunApiTest {

    private static LocalMirror a;
    private static LocalMirror b;
    private static LocalMirror c;
    private static LocalMirror silent;

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void startMirrors() {
        a = LocalMirror.start(Behaviour.ANSWER);
        b = LocalMirror.start(Behaviour.ANSWER);
        c = LocalMirror.start(Behaviour.ANSWER);
        silent = LocalMirror.start(Behaviour.HANG);
    }

    @AfterAll
    static void stopMirrors() {
        List.of(a, b, c, silent).forEach(LocalMirror::close);
    }

    @Test
    void aRunShowsEachMirrorsRequestsInItsStatusAndInPrometheus() {
        List<Object> sources = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            sources.add(Map.of("url", a.page(n).toString(),
                    "mirrors", List.of(b.page(n).toString(), c.page(n).toString()),
                    "balance", "round-robin"));
        }
        sources.add(Map.of("url", silent.page(9).toString(), "mirrors", List.of(a.page(9).toString())));

        RunsApi runs = new RunsApi(http);
        RunStatus accepted = runs.start(Map.of("sources", sources));
        List<Outcome> outcomes = runs.results(accepted.id());
        RunStatus done = runs.status(accepted.id());

        assertThat(outcomes).hasSize(7).allSatisfy(outcome -> assertThat(outcome.ok()).isTrue());
        assertThat(done.items()).isEqualTo(new RunStatus.Items(7L, 7, 0));
        // round-robin: 2 items each on a, b and c; first-response: a answered, the silent mirror lost
        assertThat(done.mirrors()).containsExactlyInAnyOrder(
                new MirrorSnapshot(a.origin(), 0, 3, 0, 0),
                new MirrorSnapshot(b.origin(), 0, 2, 0, 0),
                new MirrorSnapshot(c.origin(), 0, 2, 0, 0),
                new MirrorSnapshot(silent.origin(), 0, 0, 0, 1));
        assertThat(List.of(a.requests(), b.requests(), c.requests())).containsExactly(3, 2, 2);
        // the losing request may be cancelled before it reaches the silent origin (it can still be waiting for
        // robots.txt or for a 127.0.0.1 host permit, which all these local origins share): at most one arrives
        assertThat(silent.requests()).isLessThanOrEqualTo(1);

        String scrape = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("cartage_fetch_mirror_pending{", "cartage_fetch_mirror_requests_total{");
        assertThat(scrape.lines().filter(line -> line.startsWith("cartage_fetch_mirror_requests_total{")
                        && line.contains("origin=\"" + silent.origin() + "\"") && line.contains("outcome=\"cancelled\"")))
                .singleElement()
                .satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isEqualTo(1.0));
    }

    @Test
    void aRunWithoutMirrorsShowsAnEmptyList() {
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 1)))))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.mirrors").isArray().jsonPath("$.mirrors.length()").isEqualTo(0);
    }
}
