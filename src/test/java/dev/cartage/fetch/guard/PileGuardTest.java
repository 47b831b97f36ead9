package dev.cartage.fetch.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.run.RunStatus;

/**
 * The running service reaches its own pile through the pile's allow rule, and nothing else of itself: not the
 * actuator, not the API, not the pages, not the pile under another host name or through a dot-segment detour.
 * The context's resolver is a test resolver bean, which the guard picks up and wraps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class PileGuardTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestNames {
        @Bean
        TestResolverGroup testResolver() {
            return new TestResolverGroup().with("metadata.test", "169.254.169.254").with("self.test", "127.0.0.1");
        }
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void aRunReachesThePileButNoOtherPartOfTheService() {
        String self = "http://127.0.0.1:" + port;
        List<Object> sources = List.of(
                self + "/pile/manuals/1",
                self + "/actuator/health",
                self + "/pile/../actuator/health",
                self + "/pile/%2e%2e/actuator/health",
                self + "/api/runs",
                self + "/",
                "http://localhost:" + port + "/pile/manuals/1",
                "http://self.test:" + port + "/pile/manuals/1",
                "http://metadata.test/latest/meta-data/",
                Map.of("pile", Map.of("count", 2)));

        List<Outcome> outcomes = run(Map.of("sources", sources, "ordered", true));

        assertThat(outcomes).hasSize(11);
        assertThat(outcomes).filteredOn(outcome -> outcome.error() == null).extracting(Outcome::seq)
                .containsExactly(0L, 9L, 10L);
        assertThat(outcomes).filteredOn(outcome -> outcome.error() != null).hasSize(8).allSatisfy(outcome -> {
            assertThat(outcome.error().stage()).isEqualTo("fetch");
            assertThat(outcome.error().type()).as(outcome.source()).isEqualTo("blocked");
        });
    }

    @Test
    void refusalsAreCountedForPrometheus() {
        run(Map.of("sources", List.of("http://127.0.0.1:" + port + "/actuator/prometheus")));

        String scrape = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape.lines().filter(line -> line.startsWith("cartage_fetch_blocked_total{")
                && line.contains("reason=\"loopback\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0)).isGreaterThanOrEqualTo(1);
    }

    private List<Outcome> run(Map<String, Object> request) {
        RunStatus accepted = http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(RunStatus.class).returnResult().getResponseBody();
        return http.get().uri("/api/runs/{id}/results", accepted.id()).accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .returnResult(Outcome.class).getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(60));
    }
}
