package dev.cartage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** {@link ServiceProcess} runs the real service in its own JVM, and stops it with SIGTERM or SIGKILL. */
class ServiceProcessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void runsTheDemoPileAndStopsGracefullyOnSigterm() throws Exception {
        try (ServiceProcess service = ServiceProcess.builder().name("sigterm").start()) {
            service.awaitReady(Duration.ofSeconds(30));

            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/runs"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"sources\":[{\"pile\":{\"count\":50}}],\"format\":\"markdown\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = JSON.readTree(accepted.body()).get("id").asString();
            assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/api/runs/" + id));

            AtomicReference<JsonNode> last = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        last.set(run(service, id));
                        assertThat(last.get().get("status").asString()).isEqualTo("completed");
                    });

            // Boot's graceful shutdown runs in the JVM's shutdown hook; a JVM that ends on SIGTERM exits 128 + 15
            int exit = service.stop(Duration.ofSeconds(30));
            assertThat(exit).as(service.log()).isEqualTo(143);
            assertThat(service.isAlive()).isFalse();
            assertThat(service.logFile().getFileName().toString()).isEqualTo("sigterm-" + service.pid() + ".log");
            assertThat(service.logContains("Started CartageApplication")).isTrue();
            assertThat(service.logContains("Commencing graceful shutdown")).as(service.log()).isTrue();
        }
    }

    @Test
    void killLeavesNoProcess() {
        ServiceProcess service = ServiceProcess.builder().name("sigkill").start();
        long pid = service.pid();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(handle -> assertThat(handle.isAlive()).isTrue());

        int exit = service.kill();

        assertThat(exit).as("128 + SIGKILL").isEqualTo(137);
        assertThat(service.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        // SIGKILL: no shutdown hook ran, so Boot never logged its graceful shutdown
        assertThat(service.logContains("Commencing graceful shutdown")).isFalse();
        service.close(); // closing a dead service is harmless
    }

    @Test
    void aServiceThatCannotStartFailsWithItsLog() {
        ServiceProcess.Builder broken = ServiceProcess.builder().name("broken")
                .property("cartage.stages.fetch.parallelism", "many");

        assertThatThrownBy(broken::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("cartage.stages.fetch.parallelism");
    }

    private static JsonNode run(ServiceProcess service, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/runs/" + id))
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
