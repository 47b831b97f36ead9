package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.support.RunsApi;

/**
 * The item page {@code GET /runs/{id}/items/{seq}}: an outcome's status, error, one bar per stage, facts and content
 * shown by format — text escaped in a {@code <pre>}, the reader page and the card in a sandboxed frame whose source
 * answers with its own policy — and the 404 page for whatever is not there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class ItemPageTest {

    static final String PAGE = """
            <html lang="en"><head><title>Carts and gophers | The Pike Gazette</title>
            <meta name="author" content="Rob Pike"><meta property="og:site_name" content="The Pike Gazette">
            <meta property="article:published_time" content="2012-01-11"></head>
            <body><article><h1>Carts and gophers</h1>
            <p>Gophers move a pile of <em>books</em> to the incinerator with carts, and more gophers help &lt;b&gt;.</p>
            <p>Concurrency is the composition of independently executing things; see <a href="/talk">the talk</a>.</p>
            </article></body></html>""";

    @Autowired
    WebTestClient http;

    @Test
    void anHtmlOutcomeShowsItsFactsBarsAndItsContentInASandboxedFrame() {
        String id = run("html", inline());

        Document page = page("/runs/" + id + "/items/0", 200);
        assertThat(page.selectFirst("#item-status").text()).contains("ok");
        assertThat(page.select("#item-error")).isEmpty();
        assertThat(page.select("#timings [data-stage]").eachAttr("data-stage"))
                .containsExactly("fetch", "marshal", "render", "deliver");
        assertThat(page.selectFirst("#metadata").text())
                .contains("Carts and gophers | The Pike Gazette", "text/html;charset=UTF-8", "Rob Pike", "The Pike Gazette");
        Element frame = page.selectFirst("iframe#content");
        assertThat(frame.attr("sandbox")).isEmpty();
        assertThat(frame.hasAttr("sandbox")).isTrue();
        assertThat(frame.attr("src")).isEqualTo("/runs/" + id + "/items/0/content");
        assertThat(page.select("a[href=/]")).isNotEmpty();
        assertThat(page.select("a[href=/runs/" + id + "]")).isNotEmpty();

        String content = http.get().uri(frame.attr("src")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueMatches("Content-Security-Policy",
                        "default-src 'none'; img-src http: https: data:; style-src 'sha256-[^']+'; base-uri 'none'; "
                                + "form-action 'none'; frame-ancestors 'self'; sandbox")
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(content).startsWith("<!DOCTYPE html>").contains("Gophers move a pile");
    }

    @Test
    void markdownIsShownAsEscapedText() {
        String id = run("markdown", inline());

        String html = body("/runs/" + id + "/items/0", 200);
        assertThat(html).contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(Jsoup.parse(html).selectFirst("pre#content").text()).startsWith("# Carts and gophers");
    }

    @Test
    void jsonIsPrettyPrinted() {
        String id = run("json", inline());

        String json = page("/runs/" + id + "/items/0", 200).selectFirst("pre#content").wholeText();
        assertThat(json).startsWith("{\n").contains("\"sourceUrl\"");
        assertThat(page("/runs/" + id + "/items/0", 200).selectFirst("#metadata").text()).contains("Rob Pike", "2012-01-11");
    }

    @Test
    void aCardIsFramedLikeTheReaderPage() {
        String id = run("card", inline());

        assertThat(page("/runs/" + id + "/items/0", 200).selectFirst("iframe#content[sandbox]")).isNotNull();
        http.get().uri("/runs/" + id + "/items/0/content").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(card -> assertThat(card).startsWith("<article class=\"cartage-card\">"));
    }

    @Test
    void aFailedOutcomeShowsItsErrorAndNoContent() {
        String id = run("markdown", "http://127.0.0.1:1/");

        Document page = page("/runs/" + id + "/items/0", 200);
        assertThat(page.selectFirst("#item-status").text()).contains("failed");
        assertThat(page.selectFirst("#item-error").text()).contains("fetch", "blocked");
        assertThat(page.selectFirst("#content").tagName()).isEqualTo("p");
        http.get().uri("/runs/" + id + "/items/0/content").exchange().expectStatus().isNotFound();
    }

    @Test
    void unknownRunsItemsAndPathsAreTheNotFoundPage() {
        String id = run("markdown", inline());

        for (String path : List.of("/runs/r-nope/items/0", "/runs/" + id + "/items/1", "/runs/" + id + "/items/x",
                "/runs/" + id + "/items/-1", "/runs/" + id + "/nothing/here", "/read/nothing", "/pages/nothing.css")) {
            Document page = page(path, 404);
            assertThat(page.selectFirst("#not-found")).as(path).isNotNull();
            assertThat(page.selectFirst("a#home").attr("href")).isEqualTo("/");
        }
        assertThat(page("/runs/r-nope/items/0", 404).text()).contains("r-nope");
        http.get().uri("/pages/cartage.css").exchange().expectStatus().isOk();
        http.get().uri("/pages/read.css").exchange().expectStatus().isOk();
    }

    @Test
    void aRunThatDiscardsKeepsNoItemToShow() {
        RunStatus run = new RunsApi(http).start(Map.of("sources", List.of(inline()), "deliver", Map.of("to", "discard")));
        new RunsApi(http).results(run.id());

        assertThat(page("/runs/" + run.id() + "/items/0", 404).selectFirst("#not-found").text()).contains("discard");
    }

    private String run(String format, Object source) {
        RunStatus run = new RunsApi(http).start(Map.of("format", format, "sources", List.of(source)));
        new RunsApi(http).results(run.id());
        return run.id();
    }

    private static Map<String, String> inline() {
        return Map.of("inline", PAGE, "type", "text/html", "baseUrl", "https://gazette.example.org/2012/carts");
    }

    private Document page(String path, int status) {
        return Jsoup.parse(body(path, status));
    }

    private String body(String path, int status) {
        return http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
