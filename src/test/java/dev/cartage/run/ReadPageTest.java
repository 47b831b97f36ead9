package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reader mode, {@code GET /read}: the form, a demo-pile page read through the four stages with its metadata and its
 * reader page in a sandboxed frame (or its Markdown as text), and friendly failure pages with the API's statuses.
 * The pile is the service's own origin, which the SSRF guard trusts; every other local address stays refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ReadPageTest {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void withoutAnAddressItIsTheForm() {
        Document page = page("/read", 200);
        Element form = page.selectFirst("form#read-form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.selectFirst("label[for=url]")).isNotNull();
        assertThat(form.selectFirst("input#url[name=url][type=url]")).isNotNull();
        assertThat(form.selectFirst("button#read[type=submit]")).isNotNull();
        assertThat(page.select("#read-problem, #reader-frame")).isEmpty();
        assertThat(page.selectFirst("a#home").attr("href")).isEqualTo("/");
    }

    @Test
    void aPilePageIsShownWithItsMetadataAndItsReaderPageInASandboxedFrame() {
        String url = pile();
        Document page = page("/read?url=" + url, 200);

        assertThat(page.selectFirst("#reader-metadata").text()).contains("Title", "Manual", "Source", url);
        assertThat(page.selectFirst("input#url").val()).isEqualTo(url);
        Element frame = page.selectFirst("iframe#reader-frame");
        assertThat(frame.hasAttr("sandbox")).isTrue();
        assertThat(frame.attr("sandbox")).isEmpty();
        assertThat(frame.attr("src")).startsWith("/read/content?url=http%3A%2F%2F127.0.0.1%3A");

        String reader = http.get().uri(java.net.URI.create("http://127.0.0.1:" + port + frame.attr("src"))).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueMatches("Content-Security-Policy",
                        "default-src 'none'; img-src http: https: data:; style-src 'sha256-[^']+'; base-uri 'none'; "
                                + "form-action 'none'; frame-ancestors 'self'; sandbox")
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(reader).startsWith("<!DOCTYPE html>").doesNotContain("cookie");
    }

    @Test
    void theMarkdownIsShownAsText() {
        Document page = page("/read?format=markdown&url=" + pile(), 200);

        assertThat(page.selectFirst("pre#reader-text").wholeText()).startsWith("# ");
        assertThat(page.select("#reader-frame")).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "http://127.0.0.1:1/,            403, Cartage does not fetch that address",
            "http://169.254.169.254/latest, 403, Cartage does not fetch that address",
            "not a url,                      400, That address cannot be read",
            "ftp://example.org/file,         400, That address cannot be read"})
    void aPageThatCannotBeReadIsAFriendlyPageWithTheApisStatus(String url, int status, String title) {
        Document page = page("/read?url=" + url, status);

        Element problem = page.selectFirst("#read-problem");
        assertThat(problem.selectFirst("h2").text()).isEqualTo(title);
        assertThat(problem.attr("data-status")).isEqualTo(Integer.toString(status));
        assertThat(page.selectFirst("form#read-form")).isNotNull();
        assertThat(page.selectFirst("a#home")).isNotNull();
        assertThat(page.html()).doesNotContain("Exception", "\tat ", "Whitelabel");
    }

    @Test
    void aBlockedAddressIsRefusedInTheFrameToo() {
        http.get().uri("/read/content?url=http://127.0.0.1:1/").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType("text/plain;charset=UTF-8");
    }

    @Test
    void anUnknownFormatIsA400Page() {
        assertThat(page("/read?format=pdf&url=" + pile(), 400).selectFirst("#read-problem")).isNotNull();
    }

    private String pile() {
        return "http://127.0.0.1:" + port + "/pile/manuals/3";
    }

    private Document page(String path, int status) {
        String body = http.get().uri(uri -> uri.path("/read").query(path.contains("?") ? path.substring(path.indexOf('?') + 1) : null).build())
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(body);
    }
}
