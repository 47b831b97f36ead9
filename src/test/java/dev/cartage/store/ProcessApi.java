package dev.cartage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.cartage.support.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The run API of a {@link ServiceProcess}, over plain HTTP, for the tests that run the service as processes. */
final class ProcessApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProcessApi() {
    }

    /** A pile run of {@code count} pages, each fetched with {@code latency}, {@code parallelism} at a time. */
    static String pileRun(int count, String latency, int parallelism) {
        return "{\"sources\":[{\"pile\":{\"count\":" + count + ",\"latency\":\"" + latency + "\"}}],"
                + "\"format\":\"markdown\",\"stages\":{\"fetch\":{\"parallelism\":" + parallelism + "}}}";
    }

    static HttpResponse<String> send(ServiceProcess service, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /api/runs}, expecting 202; the run's id. */
    static String start(ServiceProcess service, String request) {
        HttpResponse<String> accepted = send(service, "POST", "/api/runs", request);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("id").asString();
    }

    /** {@code GET /api/runs/{id}}, expecting 200. */
    static JsonNode run(ServiceProcess service, String id) {
        HttpResponse<String> answer = send(service, "GET", "/api/runs/" + id, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static String status(ServiceProcess service, String id) {
        return run(service, id).get("status").asString();
    }

    /** Outcomes the run has ({@code items.succeeded + items.failed} as the API shows them). */
    static long counted(JsonNode run) {
        return run.get("items").get("succeeded").asLong() + run.get("items").get("failed").asLong();
    }

    /** {@code GET /api/runs/{id}/results} as NDJSON, read until the service ends the stream (the run ended). */
    static List<JsonNode> results(ServiceProcess service, String id, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/runs/" + id + "/results"))
                .header("Accept", "application/x-ndjson").timeout(timeout).GET().build();
        try {
            HttpResponse<Stream<String>> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(answer.statusCode()).isEqualTo(200);
            try (Stream<String> lines = answer.body()) {
                return lines.filter(line -> !line.isBlank()).map(line -> (JsonNode) JSON.readTree(line)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("results of " + id + " on " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SSE events of {@code /api/runs/{id}/events} until {@code done}: each as its name and data. */
    static List<Event> events(ServiceProcess service, String id, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/runs/" + id + "/events"))
                .header("Accept", "text/event-stream").timeout(timeout).GET().build();
        List<Event> events = new ArrayList<>();
        try {
            HttpResponse<Stream<String>> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(answer.statusCode()).isEqualTo(200);
            try (Stream<String> lines = answer.body()) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (name != null || !data.isEmpty()) {
                            events.add(new Event(name == null ? "message" : name, data.toString(), System.nanoTime()));
                            if ("done".equals(name)) {
                                break;
                            }
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("events of " + id + " on " + service + " after " + events.size(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param name       the event's name
     * @param data       its data
     * @param readNanos  when the test read it, on {@link System#nanoTime()}
     */
    record Event(String name, String data, long readNanos) {
    }

    /** The outcomes' seqs, in the order given. */
    static List<Long> seqs(List<JsonNode> outcomes) {
        return outcomes.stream().map(outcome -> outcome.get("seq").asLong()).toList();
    }

    /** Asserts that the seqs are exactly 0 … n-1, each once. */
    static void assertEverySeqOnce(List<JsonNode> outcomes, int n) {
        List<Long> seqs = seqs(outcomes);
        assertThat(seqs).as("seqs").doesNotHaveDuplicates();
        assertThat(seqs).as("seqs").containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, n).boxed().toList());
    }
}
