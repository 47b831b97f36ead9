package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * {@code GET /api/render} over real HTTP: the rendered page with its media type, and every failure status of
 * docs/api.md with a problem body naming the error type. The origin is a local server (allowed for this test only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cartage.fetch.guard.allow[0]=127.0.0.1:*",
        "cartage.stages.fetch.timeout=1s",
        "cartage.stages.fetch.retries=0"})
@AutoConfigureWebTestClient(timeout = "30s")
class RenderApiTest {

    private static DisposableServer origin;

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOrigin() {
        origin = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/robots.txt", (req, res) -> res.sendString(Mono.just("User-agent: *\nDisallow: /private\n")))
                        .get("/private", (req, res) -> res.sendString(Mono.just("<p>secret</p>")))
                        .get("/status/{code}", (req, res) -> res.status(Integer.parseInt(req.param("code"))).send())
                        .get("/slow", (req, res) -> res.sendString(Mono.delay(Duration.ofSeconds(5)).thenReturn("late")))
                        .get("/data.json", (req, res) -> res.header("Content-Type", "application/octet-stream")
                                .sendString(Mono.just("\u0000\u0001binary"))))
                .bindNow();
    }

    @AfterAll
    static void stopOrigin() {
        origin.disposeNow();
    }

    @Test
    void rendersOnePilePageAsMarkdownWithItsMediaType() {
        String body = http.get().uri(uri -> uri.path("/api/render")
                        .queryParam("url", "http://127.0.0.1:" + port + "/pile/manuals/3").build())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/markdown;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).startsWith("# ").contains("\n\n## ").doesNotContain("<nav", "cookie");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "markdown | text/markdown;charset=UTF-8 | '# '",
            "html     | text/html;charset=UTF-8     | <!DOCTYPE html>",
            "text     | text/plain;charset=UTF-8    | ''",
            "json     | application/json            | {\"sourceUrl\":",
            "card     | text/html;charset=UTF-8     | <article class=\"cartage-card\">"})
    void rendersEveryFormatWithItsMediaTypeAndHtmlWithItsPolicy(String format, String mediaType, String start) {
        var result = http.get().uri(uri -> uri.path("/api/render")
                        .queryParam("url", "http://127.0.0.1:" + port + "/pile/manuals/3")
                        .queryParam("format", format).build())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(mediaType)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseBody()).startsWith(start).doesNotContain("<script");
        String policy = result.getResponseHeaders().getFirst("Content-Security-Policy");
        if (format.equals("html") || format.equals("card")) {
            assertThat(policy).startsWith("default-src 'none'; img-src http: https: data:; style-src 'sha256-");
        } else {
            assertThat(policy).isNull();
        }
    }

    @Test
    void theJsonFormatsSchemaIsServed() {
        http.get().uri("/schemas/document.schema.json")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.$schema").isEqualTo("https://json-schema.org/draft/2020-12/schema")
                .jsonPath("$.properties.blocks").exists();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "/status/404   | 502 | http-status",
            "/status/500   | 502 | http-status",
            "/slow         | 504 | timeout",
            "/data.json    | 422 | unsupported-type"})
    void anOriginFailureAnswersTheStatusOfItsType(String path, int status, String errorType) {
        http.get().uri(uri -> uri.path("/api/render").queryParam("url", "http://127.0.0.1:" + origin.port() + path).build())
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errorType").isEqualTo(errorType)
                .jsonPath("$.detail").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[fd00:ec2::254]/"})
    void aTargetTheGuardRefusesIsForbidden(String url) {
        http.get().uri(uri -> uri.path("/api/render").queryParam("url", url).build())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errorType").isEqualTo("blocked")
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void aPageRobotsTxtDisallowsIsForbidden() {
        http.get().uri(uri -> uri.path("/api/render").queryParam("url", "http://127.0.0.1:" + origin.port() + "/private").build())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.errorType").isEqualTo("robots")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("robots.txt"));
    }

    @Test
    void theOriginsStatusIsInTheDetail() {
        http.get().uri(uri -> uri.path("/api/render").queryParam("url", "http://127.0.0.1:" + origin.port() + "/status/404").build())
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("404"))
                .jsonPath("$.originStatus").isEqualTo(404);
    }

    @Test
    void anOriginThatRefusesConnectionsIsABadGateway() {
        DisposableServer closed = HttpServer.create().host("127.0.0.1").port(0).bindNow();
        int closedPort = closed.port();
        closed.disposeNow();
        http.get().uri(uri -> uri.path("/api/render").queryParam("url", "http://127.0.0.1:" + closedPort + "/").build())
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.errorType").isEqualTo("connection");
    }

    @ParameterizedTest(name = "url={0} format={1} → 400 on {2}")
    @CsvSource(delimiter = '|', value = {
            "''                              | markdown | url",
            "not a url                       | markdown | url",
            "file:///etc/passwd              | markdown | url",
            "ftp://example.org/a             | markdown | url",
            "https://example.org/a           | pdf      | format",
            "https://example.org/a           | MARKDOWN | format"})
    void aBadParameterIsA400NamingIt(String url, String format, String field) {
        http.get().uri(uri -> uri.path("/api/render").queryParam("url", url).queryParam("format", format).build())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void aMissingUrlIsA400() {
        http.get().uri("/api/render?format=markdown")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
    }
}
