package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

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
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * {@code POST /api/runs/{id}/resume} and {@code /retry}: a cancelled run goes on with the items that had no outcome
 * and ends with every item once; a retry runs the failed items again and replaces their outcomes; both answer 409
 * for runs they cannot continue and 404 for unknown ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartage.fetch.guard.allow[0]=127.0.0.1:*")
@AutoConfigureWebTestClient(timeout = "60s")
class RunContinueTest {

    /** An origin whose pages under /flaky/ fail with 503 the first time each is asked for, and then answer. */
    private static DisposableServer origin;
    private static final Set<String> asked = ConcurrentHashMap.newKeySet();

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void startOrigin() {
        origin = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/{kind}/{n}", (request, response) -> {
                    boolean flaky = "flaky".equals(request.param("kind"));
                    if (flaky && asked.add(request.uri())) {
                        return response.status(503).send();
                    }
                    return response.header("Content-Type", "text/html")
                            .sendString(Mono.just("<html><head><title>Page " + request.param("n")
                                    + "</title></head><body><p>Text of page " + request.param("n") + ".</p></body></html>"));
                }))
                .bindNow();
    }

    @AfterAll
    static void stopOrigin() {
        origin.disposeNow();
    }

    @Test
    void aRetryRunsTheFailedItemsAgainAndReplacesTheirOutcomes() {
        RunsApi api = new RunsApi(http);
        List<String> urls = List.of(page("steady", 0), page("flaky", 1), page("steady", 2), page("flaky", 3));
        RunStatus first = api.start(Map.of("sources", urls, "stages", Map.of("fetch", Map.of("retries", 0))));
        api.results(first.id());
        RunStatus failedTwice = api.status(first.id());
        assertThat(failedTwice.items()).isEqualTo(new RunStatus.Items(4L, 2, 2));

        RunStatus retried = http.post().uri("/api/runs/{id}/retry", first.id()).exchange()
                .expectStatus().isAccepted()
                .expectHeader().location("/api/runs/" + first.id())
                .expectBody(RunStatus.class).returnResult().getResponseBody();
        assertThat(retried.status()).isEqualTo("running");
        // read once it has ended: a reader that follows a retry gets each replaced outcome again as it comes
        await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(api.status(first.id()).status()));
        List<Outcome> outcomes = api.results(first.id());

        RunStatus after = api.status(first.id());
        assertThat(after.status()).isEqualTo("completed");
        assertThat(after.items()).isEqualTo(new RunStatus.Items(4L, 4, 0));
        assertThat(outcomes).extracting(Outcome::seq).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
        assertThat(outcomes).allMatch(Outcome::ok);
        // the replaced outcomes come after the others
        assertThat(outcomes.subList(2, 4)).extracting(Outcome::seq).containsExactlyInAnyOrder(1L, 3L);

        http.post().uri("/api/runs/{id}/retry", first.id()).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("no failed outcome"));
    }

    @Test
    void aResumedRunGoesOnWithTheItemsThatHadNoOutcomeAndEndsWithEachOnce() {
        RunsApi api = new RunsApi(http);
        int items = 60;
        RunStatus accepted = api.start(Map.of(
                "sources", List.of(Map.of("pile", Map.of("count", items, "latency", "100ms"))),
                "stages", Map.of("fetch", Map.of("parallelism", 2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(accepted.id()).items().succeeded() >= 4);
        http.delete().uri("/api/runs/{id}", accepted.id()).exchange().expectStatus().isAccepted();
        long before = api.results(accepted.id()).size();
        assertThat(before).isBetween(4L, items - 1L);

        http.post().uri("/api/runs/{id}/resume", accepted.id()).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("running");
        List<Outcome> outcomes = api.results(accepted.id());

        assertThat(outcomes).extracting(Outcome::seq).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, items).mapToObj(n -> (long) n).toList());
        RunStatus done = api.status(accepted.id());
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.items()).isEqualTo(new RunStatus.Items((long) items, items, 0));
        assertThat(new HashSet<>(outcomes.stream().map(Outcome::source).toList())).hasSize(items);
    }

    @Test
    void runsThatCannotBeContinuedAre409AndUnknownOnes404() {
        RunsApi api = new RunsApi(http);
        RunStatus slow = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 5, "latency", "20s"))),
                "stages", Map.of("fetch", Map.of("timeout", "30s"))));
        RunStatus quick = api.start(Map.of("sources", List.of(Map.of("inline", "<p>done</p>", "type", "text/html"))));
        api.results(quick.id());
        String streamed = http.post().uri("/api/pipeline").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(Map.of("inline", "<p>streamed</p>", "type", "text/html"))))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(PipelineController.RUN_ID_HEADER);
        await().atMost(Duration.ofSeconds(10)).until(() -> !"running".equals(api.status(streamed).status()));

        conflict("/api/runs/{id}/resume", slow.id(), "is still running");
        conflict("/api/runs/{id}/retry", slow.id(), "is still running");
        conflict("/api/runs/{id}/resume", quick.id(), "has completed: nothing is left to resume");
        conflict("/api/runs/{id}/retry", quick.id(), "no failed outcome");
        conflict("/api/runs/{id}/retry", streamed, "its own HTTP request");
        http.post().uri("/api/runs/r-unknown/resume").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/runs/r-unknown/retry").exchange().expectStatus().isNotFound();

        http.delete().uri("/api/runs/{id}", slow.id()).exchange().expectStatus().isAccepted();
    }

    private void conflict(String path, String id, String detail) {
        http.post().uri(path, id).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(text -> assertThat((String) text).contains(detail));
    }

    private static String page(String kind, int n) {
        return "http://127.0.0.1:" + origin.port() + "/" + kind + "/" + n;
    }
}
