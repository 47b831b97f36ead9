package dev.cartage.fetch.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.support.RunsApi;
import dev.cartage.run.RunStatus;
import reactor.core.publisher.Mono;

/**
 * A whole run against a local origin, as the service wires politeness: robots.txt obeyed and fetched once, two
 * requests at a time at one host, and the fetch timeout not spent waiting for a host permit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartage.fetch.guard.allow[0]=127.0.0.1:*")
@AutoConfigureWebTestClient(timeout = "60s")
class PolitenessRunTest {

    private static RecordingOrigin origin;

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void startOrigin() {
        origin = new RecordingOrigin(Duration.ofMillis(300), (request, response) -> request.uri().equals("/robots.txt")
                ? response.header("Content-Type", "text/plain").sendString(Mono.just("User-agent: *\nDisallow: /private\n"))
                : response.header("Content-Type", "text/html").sendString(Mono.just(
                        "<html><head><title>Page</title></head><body><main><h1>Page</h1><p>Some text.</p></main></body></html>")));
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Test
    void aRunObeysRobotsTxtKeepsTwoRequestsPerHostAndDoesNotTimeOutWhileWaitingForAPermit() {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sources.add(origin.url("/page/" + i).toString());
        }
        sources.add(origin.url("/private/secret").toString());
        // 16 pages, 2 at a time, 300 ms each: the last ones wait about 2.1 s for a permit, beyond the 1.5 s timeout
        Map<String, Object> run = Map.of("sources", sources,
                "stages", Map.of("fetch", Map.of("parallelism", 16, "timeout", "1500ms", "retries", 0)));

        RunsApi runs = new RunsApi(http);
        RunStatus accepted = runs.start(run);
        List<Outcome> outcomes = runs.results(accepted.id());

        assertThat(outcomes).hasSize(17);
        assertThat(outcomes).filteredOn(outcome -> outcome.seq() < 16)
                .allSatisfy(outcome -> assertThat(outcome.status()).as(String.valueOf(outcome.error())).isEqualTo("ok"));
        Outcome secret = outcomes.stream().filter(outcome -> outcome.seq() == 16).findFirst().orElseThrow();
        assertThat(secret.error().type()).isEqualTo("robots");
        assertThat(secret.error().stage()).isEqualTo("fetch");
        assertThat(origin.hits("/robots.txt")).hasSize(1);
        assertThat(origin.hits("/private/secret")).isEmpty();
        assertThat(origin.maxInFlight("127.0.0.1")).isEqualTo(2);
    }
}
