package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description is generated from the controllers (springdoc) and names the endpoints of docs/api.md; Swagger
 * UI is served next to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class OpenApiTest {

    @Autowired
    WebTestClient http;

    @Test
    void theDescriptionNamesTheApisEndpoints() {
        String description = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(description).contains("\"openapi\":\"3.", "\"/api/runs\"", "\"/api/runs/{id}\"",
                "\"/api/runs/{id}/results\"", "\"/api/render\"", "\"delete\"");
    }

    /**
     * Every row of docs/api.md's endpoint table is described, with the success status and media types docs/api.md gives.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /api/runs              | 202 | application/json",
            "GET    | /api/runs              | 200 | application/json",
            "GET    | /api/runs/{id}         | 200 | application/json",
            "DELETE | /api/runs/{id}         | 202 | application/json",
            "GET    | /api/runs/{id}/results | 200 | application/x-ndjson text/event-stream",
            "GET    | /api/runs/{id}/events  | 200 | text/event-stream",
            "GET    | /api/render            | 200 | ''",
            "POST   | /api/pipeline          | 200 | application/x-ndjson text/event-stream"})
    void everyEndpointOfTheApiTableIsDescribed(String method, String path, String status, String mediaTypes) {
        JsonNode operation = description().path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        assertThat(operation.isObject()).as("%s %s in /v3/api-docs", method, path).isTrue();
        JsonNode success = operation.path("responses").path(status);
        assertThat(success.isObject()).as("%s %s answers %s", method, path, status).isTrue();
        for (String mediaType : mediaTypes.split(" ")) {
            if (!mediaType.isEmpty()) {
                assertThat(success.path("content").has(mediaType)).as("%s %s answers %s", method, path, mediaType).isTrue();
            }
        }
    }

    @Test
    void thePipelineTakesAJsonRunRequestOrNdjsonSourceLines() {
        JsonNode body = description().path("paths").path("/api/pipeline").path("post").path("requestBody").path("content");
        assertThat(body.has("application/json")).as("JSON run request").isTrue();
        assertThat(body.has("application/x-ndjson")).as("NDJSON source lines").isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).contains("swagger-ui"));
    }

    private JsonNode description() {
        byte[] body = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }
}
