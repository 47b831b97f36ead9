package dev.cartage.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.support.RunsApi;
import dev.cartage.run.RunStatus;

/** Runs over sitemaps, feeds and inline documents through the whole service, against local origins only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartage.fetch.guard.allow[0]=127.0.0.1:*")
@AutoConfigureWebTestClient(timeout = "60s")
class SourceRunTest {

    private static TestOrigin origin;

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        origin = new TestOrigin();
        IntStream.range(0, 4).forEach(n -> origin.serve("/pages/" + n, "text/html;charset=UTF-8",
                "<html><head><title>Page " + n + "</title></head><body><main><h1>Page " + n + "</h1>"
                        + "<p>The text of page " + n + ", long enough to be the main content of the page.</p></main></body></html>"));
        List<String> listed = IntStream.range(0, 4).mapToObj(n -> origin.base() + "/pages/" + n).toList();
        origin.serve("/sitemap.xml", "application/xml", TestOrigin.urlset(List.of(listed.get(0), listed.get(1),
                "ftp://example.org/not-fetchable", origin.base() + "/pages/missing", listed.get(2), listed.get(3))));
        origin.serveLate("/slow-sitemap.xml", "application/xml", TestOrigin.urlset(listed), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        origin.close();
    }

    @Test
    void aSitemapRunDeliversEveryListedPageAndFailsTheBadEntriesAlone() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(Map.of("sitemap", origin.base() + "/sitemap.xml"))));

        List<Outcome> outcomes = runs().results(accepted.id());

        assertThat(outcomes).extracting(Outcome::seq).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(outcomes).filteredOn(Outcome::ok).extracting(Outcome::source).containsExactlyInAnyOrder(
                origin.base() + "/pages/0", origin.base() + "/pages/1", origin.base() + "/pages/2", origin.base() + "/pages/3");
        assertThat(outcomes).filteredOn(Outcome::ok).allSatisfy(o -> assertThat(o.content()).contains("The text of page"));
        Outcome invalid = seq(outcomes, 2);
        assertThat(invalid.source()).isEqualTo("ftp://example.org/not-fetchable");
        assertThat(invalid.error().stage()).isEqualTo("fetch");
        assertThat(invalid.error().type()).isEqualTo("invalid-url");
        Outcome missing = seq(outcomes, 3);
        assertThat(missing.error().type()).isEqualTo("http-status");
        assertThat(missing.error().httpStatus()).isEqualTo(404);

        RunStatus done = runs().status(accepted.id());
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.items()).isEqualTo(new RunStatus.Items(6L, 4, 2));
        done.stages().forEach(stage -> assertThat(stage.received()).isEqualTo(6));
    }

    @Test
    void theTotalStaysNullUntilTheSitemapIsExpanded() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(Map.of("sitemap", origin.base() + "/slow-sitemap.xml"))));

        // the sitemap answers two seconds after it is asked for: until then nobody knows how many items there are
        assertThat(runs().status(accepted.id()).items().total()).isNull();

        assertThat(runs().results(accepted.id())).hasSize(4).allSatisfy(o -> assertThat(o.ok()).isTrue());
        assertThat(runs().status(accepted.id()).items()).isEqualTo(new RunStatus.Items(4L, 4, 0));
    }

    @Test
    void thePilesOwnSitemapAndFeedAreSources() {
        String pile = "http://127.0.0.1:" + port + "/pile";
        RunStatus accepted = runs().start(Map.of("sources", List.of(
                Map.of("sitemap", pile + "/sitemap.xml?count=5&seed=2"),
                Map.of("feed", pile + "/feed.xml?count=10&seed=3", "limit", 3)),
                "ordered", true));

        List<Outcome> outcomes = runs().results(accepted.id());

        assertThat(outcomes).extracting(Outcome::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.ok()).as(o.source()).isTrue());
        assertThat(outcomes.get(0).source()).isEqualTo(pile + "/manuals/0?seed=2&latency=0ms&failEvery=0");
        assertThat(outcomes.get(4).source()).isEqualTo(pile + "/manuals/4?seed=2&latency=0ms&failEvery=0");
        assertThat(outcomes.get(5).source()).isEqualTo(pile + "/manuals/0?seed=3&latency=0ms&failEvery=0");
        assertThat(runs().status(accepted.id()).items()).isEqualTo(new RunStatus.Items(8L, 8, 0));
    }

    @Test
    void aBrokenSitemapIsOneFailedItemAndTheRunGoesOn() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(
                Map.of("sitemap", origin.base() + "/pages/0"),
                origin.base() + "/pages/1")));

        List<Outcome> outcomes = runs().results(accepted.id());

        assertThat(outcomes).hasSize(2);
        Outcome broken = seq(outcomes, 0);
        assertThat(broken.source()).isEqualTo(origin.base() + "/pages/0");
        assertThat(broken.error().stage()).isEqualTo("fetch");
        assertThat(broken.error().type()).isEqualTo("parse");
        assertThat(seq(outcomes, 1).ok()).isTrue();
        assertThat(runs().status(accepted.id()).items()).isEqualTo(new RunStatus.Items(2L, 1, 1));
    }

    @Test
    void anInlineDocumentIsMarshaledWithoutAFetchAndNamedByItsName() {
        RunStatus accepted = runs().start(Map.of("sources", List.of(
                Map.of("inline", "<html><head><title>Notes</title></head><body><main><h1>Notes</h1>"
                        + "<p>Written in the request, café and all.</p><p><a href=\"next.html\">next</a></p></main></body></html>",
                        "type", "text/html", "name", "my notes.html", "baseUrl", "https://example.org/docs/"),
                Map.of("inline", "<p>unnamed</p>", "type", "text/html"))));

        List<Outcome> outcomes = runs().results(accepted.id());

        Outcome named = seq(outcomes, 0);
        assertThat(named.ok()).isTrue();
        assertThat(named.source()).isEqualTo("my notes.html");
        assertThat(named.title()).isEqualTo("Notes");
        assertThat(named.content()).contains("café", "https://example.org/docs/next.html");
        assertThat(seq(outcomes, 1).source()).isEqualTo("inline[1]");
    }

    private static Outcome seq(List<Outcome> outcomes, long seq) {
        return outcomes.stream().filter(o -> o.seq() == seq).findFirst().orElseThrow();
    }

    private RunsApi runs() {
        return new RunsApi(http);
    }
}
