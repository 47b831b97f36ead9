package dev.cartage.store;

import static dev.cartage.store.ProcessApi.pileRun;
import static dev.cartage.store.ProcessApi.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cartage.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/** A PostgreSQL that is not there: the service stays up, not ready, says why once per attempt, and refuses runs. */
class UnreachableDatabaseProcessTest {

    @Test
    void staysAliveButNotReadyAndRefusesRunsWith503() {
        int port = unusedPort();
        try (ServiceProcess service = ServiceProcess.builder().name("no-db")
                .property("cartage.store", "database")
                .property("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/cartage")
                .property("spring.r2dbc.username", "cartage")
                .property("spring.r2dbc.password", "secret")
                // /actuator/health shows no components by default
                .property("management.endpoint.health.show-details", "always")
                .start()) {
            String database = "jdbc:postgresql://127.0.0.1:" + port + "/cartage";
            // two attempts (one at startup, one 5 s later), so that "one line per attempt" is seen
            await().atMost(Duration.ofSeconds(30)).until(() -> attemptLines(service, database).size() >= 2);

            assertThat(send(service, "GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            HttpResponse<String> readiness = send(service, "GET", "/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);

            HttpResponse<String> health = send(service, "GET", "/actuator/health", null);
            JsonNode store = ProcessApi.JSON.readTree(health.body()).path("components").path("store");
            assertThat(store.path("status").asString()).as(health.body()).isEqualTo("DOWN");
            assertThat(store.path("details").path("reason").asString()).as(health.body()).contains(database);

            HttpResponse<String> refused = send(service, "POST", "/api/runs", pileRun(3, "0ms", 1));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = ProcessApi.JSON.readTree(refused.body());
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("detail").asString()).contains("run store");

            HttpResponse<String> list = send(service, "GET", "/api/runs", null);
            System.out.println("no database: GET /api/runs answers " + list.statusCode() + " " + list.body());

            String log = service.log();
            List<String> attempts = attemptLines(service, database);
            System.out.println("no database: " + attempts.size() + " attempt lines, e.g. " + attempts.get(0));
            assertThat(attempts).allSatisfy(line -> assertThat(line).contains("trying again"));
            assertThat(log).as(log).doesNotContain("\tat ");
            assertThat(service.isAlive()).isTrue();
        }
    }

    private static List<String> attemptLines(ServiceProcess service, String database) {
        return service.log().lines().filter(line -> line.contains(database) && line.contains(" WARN ")).toList();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
