package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.pipeline.StageSnapshot;
import dev.cartage.support.RunsApi;

/**
 * The runs' pages: the list, one run as a snapshot that is right without JavaScript (its picture's and table's
 * numbers are the API's), the live part alone, the cancel post, an unknown run, and the page's weight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class RunPagesTest {

    @Autowired
    WebTestClient http;

    @Test
    void theRunsAreListedNewestFirstWithTheirProgress() {
        RunsApi api = new RunsApi(http);
        String older = api.start(pile(2)).id();
        String newer = api.start(pile(3)).id();
        api.results(older);
        api.results(newer);

        Document page = new PageSession(http).get("/runs", HttpStatus.OK);

        List<String> ids = page.select("#runs tbody tr").eachAttr("data-run-id");
        assertThat(ids).containsSubsequence(newer, older);
        Element row = page.selectFirst("#runs tr[data-run-id=" + newer + "]");
        assertThat(row.select("a").attr("href")).isEqualTo("/runs/" + newer);
        assertThat(row.select("progress").attr("value")).isEqualTo("3");
        assertThat(row.select("progress").attr("max")).isEqualTo("3");
        assertThat(row.text()).contains("completed", "3 of 3");
    }

    /** Without JavaScript the page is a snapshot: the picture's and the table's numbers are the API's. */
    @Test
    void theRunPageShowsTheStagesWithTheApisNumbers() {
        RunsApi api = new RunsApi(http);
        String id = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 12, "failEvery", 5))),
                "stages", Map.of("fetch", Map.of("parallelism", 20), "render", Map.of("buffer", 7)))).id();
        api.results(id);
        RunStatus status = api.status(id);

        Document page = new PageSession(http).get("/runs/" + id, HttpStatus.OK);

        assertThat(page.select("#status").text()).isEqualTo("completed");
        assertThat(page.select("#progress").attr("value")).isEqualTo("12");
        assertThat(page.select("#progress").attr("max")).isEqualTo("12");
        assertThat(page.select("#failed").text()).isEqualTo(Long.toString(status.items().failed()));
        Element svg = page.selectFirst("svg#stages-svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.select("title").text()).contains("fetch: 0 of 20 workers busy");
        for (StageSnapshot stage : status.stages()) {
            String name = stage.stage().wireName();
            Element drawn = svg.selectFirst("g.stage[data-stage=" + name + "]");
            assertThat(drawn.attr("data-parallelism")).as(name).isEqualTo(Integer.toString(stage.parallelism()));
            assertThat(drawn.attr("data-buffer")).as(name).isEqualTo(Integer.toString(stage.buffer()));
            assertThat(drawn.attr("data-completed")).as(name).isEqualTo(Long.toString(stage.completed()));
            assertThat(drawn.attr("data-failed")).as(name).isEqualTo(Long.toString(stage.failed()));
            assertThat(drawn.attr("data-in-flight")).as(name).isEqualTo(Long.toString(stage.inFlight()));
            assertThat(drawn.attr("data-queued")).as(name).isEqualTo(Long.toString(stage.queued()));
            assertThat(drawn.select("use.gopher")).as(name).hasSize(Math.min(stage.parallelism(), StagesView.MAX_GOPHERS));
            Element row = page.selectFirst("#stages-table tr[data-stage=" + name + "]");
            assertThat(row.select("td").eachText()).as(name).startsWith(
                    stage.inFlight() + " / " + stage.parallelism(), stage.queued() + " / " + stage.buffer(),
                    Long.toString(stage.completed()), Long.toString(stage.failed()), Long.toString(stage.dropped()));
        }
        assertThat(svg.select("g[data-stage=fetch] text").eachText()).contains("+4");
        assertThat(page.select("#refresh").attr("href")).isEqualTo("/runs/" + id);
        assertThat(page.select("#cancel")).as("an ended run has no cancel button").isEmpty();
    }

    @Test
    void theRunPageCarriesWhatItsScriptNeedsAndNoInlineCode() {
        RunsApi api = new RunsApi(http);
        String id = api.start(pile(1)).id();
        api.results(id);

        Document page = new PageSession(http).get("/runs/" + id, HttpStatus.OK);

        Element run = page.selectFirst("#run");
        assertThat(run.attr("data-events-url")).isEqualTo("/api/runs/" + id + "/events");
        assertThat(run.attr("data-live-url")).isEqualTo("/runs/" + id + "/stages");
        assertThat(run.attr("data-items-url")).isEqualTo("/runs/" + id + "/items/");
        assertThat(page.select("script").eachAttr("src")).containsExactly("/pages/run.js");
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("style, [style]")).isEmpty();
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("a.skip").attr("href")).isEqualTo("#main");
        assertThat(page.select("main#main")).hasSize(1);
    }

    @Test
    void theLatestFiftyOutcomesAreShownNewestFirst() {
        RunsApi api = new RunsApi(http);
        String id = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 60, "failEvery", 7))),
                "ordered", true)).id();
        List<Outcome> all = api.results(id);

        Document page = new PageSession(http).get("/runs/" + id, HttpStatus.OK);

        List<String> shown = page.select("#outcomes li").eachAttr("data-seq");
        assertThat(shown).hasSize(RunView.OUTCOME_WINDOW);
        assertThat(shown.get(0)).isEqualTo("59");
        assertThat(shown.get(49)).isEqualTo("10");
        Outcome lastFailure = all.stream().filter(outcome -> outcome.error() != null).reduce((a, b) -> b).orElseThrow();
        Element failed = page.selectFirst("#outcomes li[data-seq=" + lastFailure.seq() + "]");
        assertThat(failed.className()).isEqualTo("failed");
        assertThat(failed.text()).contains(lastFailure.error().message());
        assertThat(failed.select("a").attr("href")).isEqualTo("/runs/" + id + "/items/" + lastFailure.seq());
        assertThat(page.select("#results").attr("href")).isEqualTo("/api/runs/" + id + "/results");
    }

    @Test
    void theLivePartIsServedAloneForTheScript() {
        RunsApi api = new RunsApi(http);
        String id = api.start(pile(2)).id();
        api.results(id);

        String fragment = http.get().uri("/runs/{id}/stages", id).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", PageSession.CSP)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(fragment).doesNotContain("<html", "<main");
        Document live = Jsoup.parseBodyFragment(fragment);
        assertThat(live.select("#live #stages-svg")).hasSize(1);
        assertThat(live.select("#live #stages-table tbody tr")).hasSize(4);
        assertThat(live.select("#status").text()).isEqualTo("completed");
    }

    @Test
    void theCancelButtonCancelsTheRunAndComesBackToItsPage() {
        RunsApi api = new RunsApi(http);
        String id = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 500, "latency", "300ms"))),
                "stages", Map.of("fetch", Map.of("parallelism", 2)))).id();
        PageSession browser = new PageSession(http);
        Document page = browser.get("/runs/" + id, HttpStatus.OK);
        assertThat(page.select("#status").text()).isEqualTo("running");
        assertThat(page.select("#cancel").attr("type")).isEqualTo("submit");

        browser.post("/runs/" + id + "/cancel", Map.of()).expectStatus().isForbidden();
        assertThat(api.status(id).status()).as("no token, no cancel").isEqualTo("running");

        browser.post("/runs/" + id + "/cancel", Map.of("_csrf", PageSession.csrf(page, "#cancel-form")))
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
                .expectHeader().valueEquals("Location", "/runs/" + id);

        assertThat(api.status(id).status()).isEqualTo("cancelled");
        assertThat(browser.get("/runs/" + id, HttpStatus.OK).select("#status").text()).isEqualTo("cancelled");
    }

    @Test
    void aCancelledRunOffersToResumeAndTheButtonResumesIt() {
        RunsApi api = new RunsApi(http);
        String id = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 40, "latency", "100ms",
                        "failEvery", 3))),
                "stages", Map.of("fetch", Map.of("parallelism", 2, "retries", 0)))).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.status(id).items().failed() >= 1);
        http.delete().uri("/api/runs/" + id).exchange().expectStatus().isAccepted();
        PageSession browser = new PageSession(http);
        Document page = browser.get("/runs/" + id, HttpStatus.OK);
        assertThat(page.select("#cancel")).isEmpty();
        assertThat(page.select("#retry").attr("type")).as("a run with failed items offers to retry them").isEqualTo("submit");

        browser.post("/runs/" + id + "/resume", Map.of()).expectStatus().isForbidden();
        browser.post("/runs/" + id + "/resume", Map.of("_csrf", PageSession.csrf(page, "#resume-form")))
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
                .expectHeader().valueEquals("Location", "/runs/" + id);

        assertThat(api.results(id)).hasSize(40);
        assertThat(api.status(id).status()).isEqualTo("completed");
        Document done = browser.get("/runs/" + id, HttpStatus.OK);
        assertThat(done.select("#resume")).as("a completed run has nothing to resume").isEmpty();
        assertThat(done.select("#retry")).hasSize(1);
    }

    @Test
    void aPileRunShowsItsTotalWhileItRuns() {
        RunsApi api = new RunsApi(http);
        String id = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 400, "latency", "300ms"))),
                "stages", Map.of("fetch", Map.of("parallelism", 2)))).id();

        Document page = new PageSession(http).get("/runs/" + id, HttpStatus.OK);

        assertThat(api.status(id).items().total()).as("the API's total, null until the pile is expanded").isNull();
        assertThat(page.select("#progress").attr("max")).isEqualTo("400");
        assertThat(page.select("main").text()).contains(" of 400");
        // ends the run so that it does not load the tests after this one
        http.delete().uri("/api/runs/" + id).exchange().expectStatus().isAccepted();
    }

    @Test
    void anUnknownRunIsANotFoundPage() {
        Document page = new PageSession(http).get("/runs/r-nothing", HttpStatus.NOT_FOUND);

        assertThat(page.select("main").text()).contains("no run with id 'r-nothing'");
        http.get().uri("/runs/r-nothing/stages").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    @Test
    void everyPageIsSentWithTheSecurityHeaders() {
        for (String path : List.of("/", "/runs", "/runs/r-nothing", "/pages/run.js", "/pages/cartage.css")) {
            http.get().uri(path).exchange()
                    .expectHeader().valueEquals("Content-Security-Policy", PageSession.CSP)
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        }
    }

    /** HTML, stylesheet and script of a run page with its 50 outcomes: at most 100 KB. */
    @Test
    void aRunPageWeighsLessThanAHundredKilobytes() {
        RunsApi api = new RunsApi(http);
        String id = api.start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 80))))).id();
        api.results(id);

        long bytes = bytes("/runs/" + id) + bytes("/pages/cartage.css") + bytes("/pages/run.js");

        System.out.printf("run page weight: %d bytes (%.1f KB) for HTML + CSS + JS%n", bytes, bytes / 1024.0);
        assertThat(bytes).isLessThanOrEqualTo(100 * 1024);
    }

    private long bytes(String path) {
        byte[] body = http.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return body == null ? 0 : body.length;
    }

    private static Map<String, Object> pile(int count) {
        return Map.of("sources", List.of(Map.of("pile", Map.of("count", count))));
    }
}
