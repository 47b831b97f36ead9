package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cartage.support.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graceful drain, on a real process stopped with SIGTERM: readiness goes down and new runs get 503 with
 * {@code Retry-After} at once, running runs get the drain time, the rest are left interrupted with what they stored,
 * a streamed response ends with a {@code stopping} line, the directory sink leaves no partial file, and the next
 * process on the same data directory resumes the interrupted run to the end with every item once.
 */
class DrainTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ITEMS = 400;
    private static final Pattern DRAINED = Pattern.compile("drained in (\\d+) ms");

    @TempDir
    Path data;

    @TempDir
    Path output;

    @Test
    void aStoppingServiceDrainsLeavesTheRestInterruptedAndTheNextOneResumesIt() throws Exception {
        String slowPile = "{\"pile\":{\"count\":" + ITEMS + ",\"latency\":\"100ms\"}}";
        String runId;
        String directoryRunId;
        try (ServiceProcess first = service("drain-first")) {
            runId = start(first, "{\"sources\":[" + slowPile + "],\"stages\":{\"fetch\":{\"parallelism\":4}}}");
            directoryRunId = start(first, "{\"sources\":[" + slowPile + "],\"stages\":{\"fetch\":{\"parallelism\":4}},"
                    + "\"deliver\":{\"to\":\"directory\",\"path\":\"pages\"}}");
            CompletableFuture<List<String>> streamed = CompletableFuture.supplyAsync(() -> lines(first,
                    "{\"sources\":[" + slowPile + "],\"stages\":{\"fetch\":{\"parallelism\":2}}}"));
            await().atMost(Duration.ofSeconds(60)).until(() -> succeeded(first, runId) >= 20);

            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> first.stop(Duration.ofSeconds(60)));

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> get(first, "/actuator/health/readiness").statusCode() == 503);
            HttpResponse<String> refused = post(first, "/api/runs", "{\"sources\":[" + slowPile + "]}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("stopping");

            List<String> lines = streamed.get();
            JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
            assertThat(last.has("seq")).as(last.toString()).isFalse();
            assertThat(last.get("status").asString()).isEqualTo("interrupted");
            assertThat(last.get("detail").asString()).contains("stopped before the run ended");

            assertThat(exit.get()).isEqualTo(143);
            Matcher drained = DRAINED.matcher(first.log());
            assertThat(drained.find()).as(first.log()).isTrue();
            System.out.printf("drain under load: %s ms for 3 runs of %d slow items, 2 s drain%n", drained.group(1), ITEMS);
        }
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.contains(".tmp-")))
                    .as("partial files in the directory").isEmpty();
        }

        try (ServiceProcess second = service("drain-second")) {
            JsonNode interrupted = run(second, runId);
            assertThat(interrupted.get("status").asString()).isEqualTo("interrupted");
            long kept = interrupted.get("items").get("succeeded").asLong() + interrupted.get("items").get("failed").asLong();
            assertThat(kept).isBetween(20L, ITEMS - 1L);
            assertThat(results(second, runId)).hasSize((int) kept);
            assertThat(run(second, directoryRunId).get("status").asString()).isEqualTo("interrupted");

            HttpResponse<String> resumed = post(second, "/api/runs/" + runId + "/resume", "");
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> "completed".equals(run(second, runId).get("status").asString()));

            List<Long> seqs = results(second, runId).stream().map(outcome -> outcome.get("seq").asLong()).toList();
            assertThat(new HashSet<>(seqs)).hasSize(seqs.size()).hasSize(ITEMS);
            JsonNode done = run(second, runId);
            assertThat(done.get("items").get("succeeded").asLong() + done.get("items").get("failed").asLong())
                    .isEqualTo(ITEMS);
        }
    }

    private ServiceProcess service(String name) {
        return ServiceProcess.builder().name(name)
                .property("cartage.data-dir", data.toString())
                .property("cartage.shutdown.drain", "2s")
                .property("cartage.deliver.directory.root", output.toString())
                .start();
    }

    private static String start(ServiceProcess service, String request) throws Exception {
        HttpResponse<String> accepted = post(service, "/api/runs", request);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("id").asString();
    }

    private static long succeeded(ServiceProcess service, String id) throws Exception {
        return run(service, id).get("items").get("succeeded").asLong();
    }

    private static JsonNode run(ServiceProcess service, String id) throws Exception {
        HttpResponse<String> answer = get(service, "/api/runs/" + id);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static List<JsonNode> results(ServiceProcess service, String id) throws Exception {
        List<JsonNode> outcomes = new ArrayList<>();
        for (String line : get(service, "/api/runs/" + id + "/results").body().split("\n")) {
            if (!line.isBlank()) {
                outcomes.add(JSON.readTree(line));
            }
        }
        return outcomes;
    }

    /** A streamed run's answer, line by line, until the service ends it. */
    private static List<String> lines(ServiceProcess service, String request) {
        try {
            HttpResponse<InputStream> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/pipeline"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofInputStream());
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
