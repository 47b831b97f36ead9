package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad requests get a clear 4xx problem naming what is wrong, never a 500, and lose nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RunRequestProblemsTest {

    @Autowired
    WebTestClient http;

    static Stream<Arguments> badRunRequests() {
        return Stream.of(
                bad("malformed JSON", "{\"sources\": [", "body"),
                bad("a JSON array instead of an object", "[\"https://example.org\"]", "body"),
                bad("no sources", "{}", "sources"),
                bad("empty sources", "{\"sources\": []}", "sources"),
                bad("sources not an array", "{\"sources\": \"https://example.org\"}", "sources"),
                bad("a relative URL", "{\"sources\": [\"/a/b\"]}", "sources[0]"),
                bad("an ftp URL", "{\"sources\": [\"https://ok.org\", \"ftp://example.org/x\"]}", "sources[1]"),
                bad("a URL without host", "{\"sources\": [\"http:///x\"]}", "sources[0]"),
                bad("an unparsable URL", "{\"sources\": [\"http://exa mple.org/\"]}", "sources[0]"),
                bad("a number as source", "{\"sources\": [42]}", "sources[0]"),
                bad("null as source", "{\"sources\": [null]}", "sources[0]"),
                bad("an unknown source form", "{\"sources\": [{\"book\": 1}]}", "sources[0]"),
                bad("a sitemap that is no http URL", "{\"sources\": [\"https://a.org\", {\"sitemap\": \"file:///etc/s.xml\"}]}", "sources[1].sitemap"),
                bad("a sitemap limit over 50000", "{\"sources\": [{\"sitemap\": \"https://a.org/s.xml\", \"limit\": 50001}]}", "sources[0].limit"),
                bad("a feed limit of 0", "{\"sources\": [{\"feed\": \"https://a.org/f.xml\", \"limit\": 0}]}", "sources[0].limit"),
                bad("a misspelt sitemap option", "{\"sources\": [{\"sitemap\": \"https://a.org/s.xml\", \"limt\": 5}]}", "sources[0].limt"),
                bad("two forms in one source", "{\"sources\": [{\"sitemap\": \"https://a.org/s.xml\", \"feed\": \"https://a.org/f.xml\"}]}", "sources[0]"),
                bad("an inline source without type", "{\"sources\": [{\"inline\": \"<p>x</p>\"}]}", "sources[0].type"),
                bad("an inline type the API does not list", "{\"sources\": [{\"inline\": \"# x\", \"type\": \"text/x-markdown\"}]}", "sources[0].type"),
                bad("an unknown inline type", "{\"sources\": [{\"inline\": \"x\", \"type\": \"image/png\"}]}", "sources[0].type"),
                bad("an inline baseUrl that is relative", "{\"sources\": [{\"inline\": \"<p/>\", \"type\": \"text/html\", \"baseUrl\": \"docs/\"}]}", "sources[0].baseUrl"),
                bad("a bad mirror", "{\"sources\": [{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\", \"b\"]}]}", "sources[0].mirrors[1]"),
                bad("an unknown balance", "{\"sources\": [{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\"], \"balance\": \"fastest\"}]}", "sources[0].balance"),
                bad("hedgeAfter with round-robin", "{\"sources\": [{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\"], \"balance\": \"round-robin\", \"hedgeAfter\": \"1s\"}]}", "sources[0].hedgeAfter"),
                bad("an unknown field in a url object", "{\"sources\": [{\"url\": \"https://a.org\", \"weight\": 2}]}", "sources[0].weight"),
                bad("an unknown field in a pile", "{\"sources\": [{\"pile\": {\"count\": 2, \"size\": 1}}]}", "sources[0].pile.size"),
                bad("a pile over the count limit", "{\"sources\": [{\"pile\": {\"count\": 100001}}]}", "sources[0].pile.count"),
                bad("a negative pile count", "{\"sources\": [{\"pile\": {\"count\": -1}}]}", "sources[0].pile.count"),
                bad("a pile count that is text", "{\"sources\": [{\"pile\": {\"count\": \"ten\"}}]}", "sources[0].pile.count"),
                bad("a pile latency that is no duration", "{\"sources\": [{\"pile\": {\"latency\": \"soon\"}}]}", "sources[0].pile.latency"),
                bad("a pile latency over the limit", "{\"sources\": [{\"pile\": {\"latency\": \"2h\"}}]}", "sources[0].pile.latency"),
                bad("a negative failEvery", "{\"sources\": [{\"pile\": {\"failEvery\": -3}}]}", "sources[0].pile.failEvery"),
                bad("an unknown format", "{\"sources\": [\"https://a.org\"], \"format\": \"pdf\"}", "format"),
                bad("a format in upper case", "{\"sources\": [\"https://a.org\"], \"format\": \"CARD\"}", "format"),
                bad("parallelism 0", stage("fetch", "\"parallelism\": 0"), "stages.fetch.parallelism"),
                bad("parallelism over 1024", stage("marshal", "\"parallelism\": 1025"), "stages.marshal.parallelism"),
                bad("a huge parallelism", stage("fetch", "\"parallelism\": 99999999999"), "stages.fetch.parallelism"),
                bad("a fractional parallelism", stage("fetch", "\"parallelism\": 1.5"), "stages.fetch.parallelism"),
                bad("a negative buffer", stage("render", "\"buffer\": -1"), "stages.render.buffer"),
                bad("a buffer over 65536", stage("deliver", "\"buffer\": 65537"), "stages.deliver.buffer"),
                bad("an unknown overflow", stage("fetch", "\"overflow\": \"spill\""), "stages.fetch.overflow"),
                bad("a timeout that is no duration", stage("fetch", "\"timeout\": \"ten\""), "stages.fetch.timeout"),
                bad("a zero timeout", stage("fetch", "\"timeout\": \"0s\""), "stages.fetch.timeout"),
                bad("negative retries", stage("fetch", "\"retries\": -1"), "stages.fetch.retries"),
                bad("a misspelt stage setting", stage("fetch", "\"paralelism\": 4"), "stages.fetch.paralelism"),
                bad("an unknown stage", "{\"sources\": [\"https://a.org\"], \"stages\": {\"burn\": {}}}", "stages.burn"),
                bad("stages not an object", "{\"sources\": [\"https://a.org\"], \"stages\": [1]}", "stages"),
                bad("ordered not a boolean", "{\"sources\": [\"https://a.org\"], \"ordered\": \"yes\"}", "ordered"),
                bad("an unknown deliver target", "{\"sources\": [\"https://a.org\"], \"deliver\": {\"to\": \"moon\"}}", "deliver.to"),
                bad("a webhook without its url", "{\"sources\": [\"https://a.org\"], \"deliver\": {\"to\": \"webhook\"}}", "deliver.url"),
                bad("deliver without to", "{\"sources\": [\"https://a.org\"], \"deliver\": {}}", "deliver.to"),
                bad("an unknown top-level field", "{\"sources\": [\"https://a.org\"], \"speed\": 11}", "speed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRunRequests")
    void badRunRequestsAreAnswered400WithTheFieldNamed(String name, String body, String field) {
        var problem = http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.type").isEqualTo("https://cartage.dev/problems/invalid-request");
        if (!field.equals("body")) {
            problem.jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains(field));
        }
    }

    @Test
    void tooManySourcesAreRefusedBeforeAnyWork() {
        String sources = String.join(",", java.util.Collections.nCopies(1001, "\"https://example.org/\""));
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sources\": [" + sources + "]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sources")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("1000"));
    }

    @Test
    void anInlineDocumentOverTheLimitIsRefusedNamingItsField() {
        String big = "x".repeat(2 * 1024 * 1024 + 1);
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sources\": [\"https://a.org\", {\"inline\": \"" + big + "\", \"type\": \"text/html\"}]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sources[1].inline")
                .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("cartage.limits.max-inline-size"));
    }

    @Test
    void aBodyOverTheLimitIsAnswered413() {
        String huge = "{\"sources\": [\"https://example.org/" + "a".repeat(5 * 1024 * 1024) + "\"]}";
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("larger than"));
    }

    @Test
    void theWrongContentTypeIsAnswered415() {
        http.post().uri("/api/runs").contentType(MediaType.TEXT_PLAIN).bodyValue("https://example.org")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownRunIsAnswered404() {
        for (String path : new String[] {"/api/runs/r-nope", "/api/runs/r-nope/results"}) {
            http.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("r-nope"));
        }
    }

    @Test
    void aWrongMethodIsAnswered405() {
        http.method(HttpMethod.PUT).uri("/api/runs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theServiceStillServesAfterBadRequests() {
        badRunRequests().forEach(args -> http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(args.get()[1]).exchange().expectStatus().is4xxClientError());
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sources\": [{\"pile\": {\"count\": 3}}]}")
                .exchange()
                .expectStatus().isAccepted();
    }

    private static Arguments bad(String name, String body, String field) {
        return Arguments.of(name, body, field);
    }

    private static String stage(String stage, String setting) {
        return "{\"sources\": [\"https://a.org\"], \"stages\": {\"" + stage + "\": {" + setting + "}}}";
    }
}
