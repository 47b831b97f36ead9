package dev.cartage.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON API of a running service through a plain HTTP client, for tests that compare what a page shows with what
 * the API says.
 */
public final class ServiceApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ServiceApi(String base) {
        this.base = base;
    }

    /** {@code POST /api/runs}, expecting 202; returns the run's id. */
    public String startRun(String requestJson) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** {@code POST /api/runs} of an invalid request, expecting 400; returns the messages by field. */
    public Map<String, String> problem(String requestJson) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        Map<String, String> messages = new LinkedHashMap<>();
        JSON.readTree(response.body()).get("errors")
                .forEach(error -> messages.put(error.get("field").asString(), error.get("message").asString()));
        return messages;
    }

    /** {@code GET /api/runs/{id}}, expecting 200. */
    public JsonNode run(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id)).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Whether the run has ended, by its {@code finishedAt}. */
    public boolean ended(String id) {
        JsonNode finishedAt = run(id).path("finishedAt");
        return !finishedAt.isMissingNode() && !finishedAt.isNull();
    }

    /** {@code DELETE} of any path, answered as text. */
    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** {@code GET} of a path that answers JSON, expecting 200. */
    public JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code GET} of any path, answered as text. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
