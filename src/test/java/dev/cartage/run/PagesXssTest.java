package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.support.HostileOrigin;
import dev.cartage.support.RunsApi;

/**
 * A hostile page — the one {@code ReaderPageInBrowserTest} opens, with hostile metadata and template syntax added —
 * shown by the reader page ({@code /read}, its frame's {@code /read/content}) and by a run's item page in every
 * format (and its frame's {@code …/content}): nothing served holds an executable script — no {@code <script>}, no
 * {@code on*} attribute, no {@code javascript:} URL — and template syntax from the page comes out as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cartage.fetch.guard.allow[0]=127.0.0.1:*"})
@AutoConfigureWebTestClient(timeout = "30s")
class PagesXssTest {

    static final String HOSTILE = """
            <!DOCTYPE html><html lang="en"><head><title>A hostile page</title>
            <meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">
            <meta property="og:image" content="javascript:window.__pwned='og'">
            <meta name="author" content="&lt;/dd&gt;&lt;script&gt;window.__pwned='byline'&lt;/script&gt;">
            <meta property="og:site_name" content="[[${T(java.lang.Runtime).getRuntime().exec('true')}]]">
            <link rel="canonical" href="javascript:window.__pwned='canonical'">
            <script>window.__pwned = 'head script'</script></head>
            <body onload="window.__pwned='body onload'"><article><h1>A hostile page</h1>
            <p>Readers keep the words of this first paragraph, which is long enough to be content.
            <a href="javascript:window.__pwned='link'">a link</a> <a href="jav&#x09;ascript:window.__pwned='tab'">tab</a>
            <img src="x" onerror="window.__pwned='img onerror'"></p>
            <svg onload="window.__pwned='svg'"><circle r="1"></circle></svg>
            <p style="background:url(javascript:window.__pwned='css')" onclick="window.__pwned='click'">Template
            syntax stays text: [[${T(java.lang.Runtime).getRuntime().exec('true')}]] and __${7*7}__ and *{7*7}.</p>
            <iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
            <p>Write &lt;script&gt;alert(1)&lt;/script&gt; literally, and &lt;img src=x onerror=alert(2)&gt; too.</p>
            <p>A third paragraph closes the article with a few more ordinary words in it.</p>
            </article></body></html>""";

    private static HostileOrigin origin;

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOrigin() {
        origin = HostileOrigin.serving(HOSTILE);
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @ParameterizedTest(name = "format={0}")
    @ValueSource(strings = {"html", "markdown"})
    void theReaderPageServesNoScript(String format) {
        String page = get("/read?format=" + format + "&url=" + hostileUrl(), 200);
        assertNoScript(page);
        assertThat(Jsoup.parse(page).selectFirst("#reader-metadata").text()).contains("A hostile page");
        if (format.equals("html")) {
            assertNoScript(get(Jsoup.parse(page).selectFirst("#reader-frame").attr("src"), 200));
        } else {
            assertThat(Jsoup.parse(page).selectFirst("#reader-text").text()).contains("${T(java.lang.Runtime).getRuntime()", "\\<script>alert(1)");
        }
    }

    @ParameterizedTest(name = "format={0}")
    @ValueSource(strings = {"html", "markdown", "text", "json", "card"})
    void theItemPageServesNoScript(String format) {
        RunStatus run = new RunsApi(http).start(Map.of("format", format, "sources", List.of(
                hostileUrl(), Map.of("inline", HOSTILE, "type", "text/html", "baseUrl", "https://hostile.example/"))));
        new RunsApi(http).results(run.id());

        for (int seq = 0; seq < 2; seq++) {
            String page = get("/runs/" + run.id() + "/items/" + seq, 200);
            assertNoScript(page);
            Element frame = Jsoup.parse(page).selectFirst("iframe#content");
            if (frame != null) {
                assertThat(frame.attr("sandbox")).isEmpty();
                assertNoScript(get(frame.attr("src"), 200));
            }
        }
    }

    @Test
    void theCheckItselfFindsEachKindOfScript() {
        for (String hostile : List.of("<script>x()</script>", "<p onclick=x()>", "<a href=' JavaScript:x()'>a</a>",
                "<svg><a xlink:href='javascript:x()'>a</a></svg>", "<iframe src=/x></iframe>")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoScript(hostile)).as(hostile)
                    .isInstanceOf(AssertionError.class);
        }
        assertNoScript("<p>write &lt;script&gt; and javascript:x() and onclick=x() as text</p>");
    }

    /**
     * No script element, no event handler, no {@code javascript:} URL in any attribute, and every frame sandboxed;
     * the same words as escaped text are fine.
     */
    static void assertNoScript(String html) {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        for (Element element : Jsoup.parse(html).getAllElements()) {
            assertThat(element.tagName()).isNotIn("script", "object", "embed", "base");
            if (element.tagName().equals("iframe")) {
                assertThat(element.attr("sandbox")).as("a frame without sandbox=\"\"").isEmpty();
                assertThat(element.hasAttr("sandbox")).as("a frame without sandbox").isTrue();
                assertThat(element.hasAttr("srcdoc")).isFalse();
            }
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).doesNotStartWith("on");
                String value = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                assertThat(value).doesNotContain("javascript:").doesNotContain("vbscript:").doesNotStartWith("data:text");
            }
        }
    }

    private String hostileUrl() {
        return origin.url();
    }

    private String get(String path, int status) {
        return http.get().uri(URI.create("http://127.0.0.1:" + port + (path.startsWith("/read?")
                        ? "/read?" + encodedQuery(path.substring("/read?".length())) : path)))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String encodedQuery(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            encoded.append(encoded.length() == 0 ? "" : "&").append(pair, 0, eq + 1)
                    .append(java.net.URLEncoder.encode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }
}
