package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.run.RunStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import dev.cartage.support.RunsApi;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs that deliver to a local webhook receiver: one POST per outcome with its key, retries on 5xx and timeouts
 * (same key), none on another 4xx, a delivery that finally fails kept as a failed outcome of stage deliver, and
 * the deliver stage's parallelism bounding the POSTs in flight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cartage.fetch.guard.allow[0]=127.0.0.1:*",
        "cartage.deliver.webhook.retries=3",
        "cartage.deliver.webhook.backoff=10ms",
        "cartage.deliver.webhook.max-backoff=50ms",
        "cartage.deliver.webhook.timeout=2s"})
@AutoConfigureWebTestClient(timeout = "60s")
class WebhookDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final WebhookReceiver receiver = new WebhookReceiver((path, attempt) -> {
        switch (path) {
            case "/twice-503":
                return Mono.just(attempt <= 2 ? 503 : 200);
            case "/always-500":
                return Mono.just(500);
            case "/silent":
                return Mono.never();
            case "/bad-request":
                return Mono.just(400);
            case "/moved":
                return Mono.just(302);
            case "/slow":
                return Mono.delay(Duration.ofMillis(400)).thenReturn(204);
            default:
                return Mono.just(200);
        }
    });

    @Autowired
    WebTestClient http;

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyOutcomeIsPostedOnceAsJsonWithItsOwnIdempotencyKey() {
        RunStatus run = start(pile(20), receiver.url("/hook"));
        List<Outcome> records = runs().results(run.id());

        List<WebhookReceiver.Hit> hits = receiver.hits("/hook");
        assertThat(hits).hasSize(20);
        assertThat(hits).extracting(WebhookReceiver.Hit::key).doesNotHaveDuplicates();
        for (WebhookReceiver.Hit hit : hits) {
            JsonNode outcome = JSON.readTree(hit.body());
            assertThat(hit.key()).isEqualTo(run.id() + "-" + outcome.get("seq").asLong());
            assertThat(hit.contentType()).isEqualTo("application/json");
            assertThat(hit.userAgent()).startsWith("Cartage/");
            assertThat(outcome.get("status").asString()).isEqualTo("ok");
            assertThat(outcome.get("format").asString()).isEqualTo("markdown");
            assertThat(outcome.get("content").asString()).startsWith("# ");
        }
        assertThat(hits).extracting(hit -> JSON.readTree(hit.body()).get("seq").asLong())
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 20).boxed().toList());

        assertThat(records).hasSize(20);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.ok()).isTrue();
            assertThat(record.content()).isNull();
            assertThat(record.title()).isNotBlank();
        });
        RunStatus done = runs().status(run.id());
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.items()).isEqualTo(new RunStatus.Items(20L, 20, 0));
        // the webhook's own pool, with metrics: its connections were opened and are all back in the pool
        assertThat(poolGauges("total.connections")).isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> poolGauges("active.connections"), n -> n == 0);
    }

    @Test
    void aReceiverAnswering503TwiceGetsEachOutcomeOnTheThirdAttemptWithTheSameKey() {
        RunStatus run = start(pile(2), receiver.url("/twice-503"));
        List<Outcome> records = runs().results(run.id());

        assertThat(records).hasSize(2).allSatisfy(record -> assertThat(record.ok()).isTrue());
        List<WebhookReceiver.Hit> hits = receiver.hits("/twice-503");
        assertThat(hits).hasSize(6);
        for (long seq = 0; seq < 2; seq++) {
            String key = run.id() + "-" + seq;
            List<WebhookReceiver.Hit> attempts = hits.stream().filter(hit -> key.equals(hit.key())).toList();
            assertThat(attempts).hasSize(3);
            assertThat(attempts).extracting(WebhookReceiver.Hit::body).containsOnly(attempts.get(0).body());
        }
        assertThat(runs().status(run.id()).items()).isEqualTo(new RunStatus.Items(2L, 2, 0));
    }

    @Test
    void aReceiverThatAlwaysFailsMakesFailedOutcomesOfStageDeliverAndNothingIsLost() {
        RunStatus run = start(pile(3), receiver.url("/always-500?token=secret"));
        List<Outcome> records = runs().results(run.id());

        assertThat(records).hasSize(3).allSatisfy(record -> {
            assertThat(record.status()).isEqualTo("failed");
            assertThat(record.error().stage()).isEqualTo("deliver");
            assertThat(record.error().type()).isEqualTo("deliver");
            assertThat(record.error().httpStatus()).isEqualTo(500);
            assertThat(record.error().message())
                    .isEqualTo("webhook " + receiver.url("/always-500") + " answered 500 after 4 attempts")
                    .doesNotContain("secret");
        });
        assertThat(receiver.hits("/always-500")).hasSize(3 * 4);
        RunStatus done = runs().status(run.id());
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.items()).isEqualTo(new RunStatus.Items(3L, 0, 3));
        assertThat(done.stages().get(3).failed()).isEqualTo(3);
    }

    @Test
    void aReceiverThatNeverAnswersIsTriedAgainAfterEachTimeoutThenFailsTheItem() {
        RunStatus run = start(pile(2), receiver.url("/silent"));
        List<Outcome> records = runs().results(run.id());

        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(record.error().stage()).isEqualTo("deliver");
            assertThat(record.error().type()).isEqualTo("deliver");
            assertThat(record.error().message()).isEqualTo("webhook " + receiver.url("/silent")
                    + " did not answer within 2s (cartage.deliver.webhook.timeout) after 4 attempts");
        });
        assertThat(receiver.hits("/silent")).hasSize(2 * 4);
        assertThat(runs().status(run.id()).items()).isEqualTo(new RunStatus.Items(2L, 0, 2));
    }

    @Test
    void aReceiverThatIsNotListeningIsTriedAgainThenFailsTheItem() {
        DisposableServer gone = HttpServer.create().host("127.0.0.1").port(0).bindNow();
        int port = gone.port();
        gone.disposeNow();

        RunStatus run = start(pile(1), java.net.URI.create("http://127.0.0.1:" + port + "/hook"));
        List<Outcome> records = runs().results(run.id());

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.error().type()).isEqualTo("deliver");
            assertThat(record.error().message()).startsWith("webhook http://127.0.0.1:" + port + "/hook could not be reached (")
                    .endsWith(") after 4 attempts");
        });
    }

    @Test
    void aBadRequestAnswerIsNotRetried() {
        RunStatus run = start(pile(2), receiver.url("/bad-request"));
        List<Outcome> records = runs().results(run.id());

        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(record.error().type()).isEqualTo("deliver");
            assertThat(record.error().httpStatus()).isEqualTo(400);
            assertThat(record.error().message()).isEqualTo("webhook " + receiver.url("/bad-request")
                    + " answered 400 (a 4xx other than 429 is not retried) after 1 attempt");
        });
        assertThat(receiver.hits("/bad-request")).hasSize(2);
    }

    @Test
    void aRedirectIsNeitherFollowedNorRetried() {
        RunStatus run = start(pile(1), receiver.url("/moved"));
        List<Outcome> records = runs().results(run.id());

        assertThat(records).singleElement().satisfies(record -> assertThat(record.error().message())
                .isEqualTo("webhook " + receiver.url("/moved") + " answered 302 (redirects are not followed) after 1 attempt"));
        assertThat(receiver.hits("/moved")).hasSize(1);
    }

    @Test
    void theDeliverStagesParallelismBoundsThePostsInFlight() {
        RunStatus run = runs().start(Map.of("sources", List.of(pile(10)),
                "stages", Map.of("deliver", Map.of("parallelism", 2)),
                "deliver", Map.of("to", "webhook", "url", receiver.url("/slow").toString())));
        List<Outcome> records = runs().results(run.id());

        assertThat(records).hasSize(10).allSatisfy(record -> assertThat(record.ok()).isTrue());
        assertThat(receiver.hits("/slow")).hasSize(10);
        // each answer takes 400 ms while the pile pages are fetched at once: two POSTs are always waiting
        assertThat(receiver.maxInFlight("/slow")).isEqualTo(2);
    }

    private RunStatus start(Map<String, Object> source, java.net.URI webhook) {
        return runs().start(Map.of("sources", List.of(source),
                "deliver", Map.of("to", "webhook", "url", webhook.toString())));
    }

    private static Map<String, Object> pile(int count) {
        return Map.of("pile", Map.of("count", count));
    }

    /** The sum of {@code reactor.netty.connection.provider.{name}} over the cartage-webhook pool's remote addresses. */
    private static double poolGauges(String name) {
        return Metrics.globalRegistry.find("reactor.netty.connection.provider." + name).tag("name", "cartage-webhook")
                .gauges().stream().mapToDouble(Gauge::value).sum();
    }

    private RunsApi runs() {
        return new RunsApi(http);
    }
}
