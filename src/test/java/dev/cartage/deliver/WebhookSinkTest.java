package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook sink's attempts, keys and waits, in virtual time against a scripted receiver. */
class WebhookSinkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final URI URL = URI.create("https://hooks.example/in?token=secret");
    private static final Outcome OUTCOME = new Outcome(7, "https://a.org/x", "ok", "markdown", "text/markdown",
            "Title", "# Title", null, new Outcome.Timings(1, 2, 3, 0));
    private static final WebhookProperties SETTINGS = new WebhookProperties(3, Duration.ofMillis(100),
            Duration.ofSeconds(5), Duration.ofSeconds(1), 4);

    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @Test
    void eachAttemptPostsTheSameOutcomeJsonWithTheSameKey() {
        WebhookSink sink = sink(SETTINGS, attempt -> Mono.just(answer(attempt < 3 ? 503 : 200, null)));

        StepVerifier.withVirtualTime(() -> sink.deliver(OUTCOME))
                .thenAwait(Duration.ofSeconds(2))
                .verifyComplete();

        assertThat(keys).containsExactly("r-1-7", "r-1-7", "r-1-7");
        assertThat(bodies).hasSize(3).containsOnly(bodies.get(0));
        JsonNode posted = JSON.readTree(bodies.get(0));
        assertThat(posted.get("seq").asLong()).isEqualTo(7);
        assertThat(posted.get("content").asString()).isEqualTo("# Title");
        assertThat(posted.has("error")).isFalse();
    }

    @Test
    void theWaitsGrowExponentiallyAndTheLastFailureIsNamedWithTheAttempts() {
        WebhookSink sink = sink(SETTINGS, attempt -> Mono.just(answer(500, null)));

        StepVerifier.withVirtualTime(() -> sink.deliver(OUTCOME))
                .expectSubscription()
                .then(() -> assertThat(keys).hasSize(1))
                .thenAwait(Duration.ofMillis(99)) // the first wait is at least the backoff, 100 ms
                .then(() -> assertThat(keys).hasSize(1))
                .thenAwait(Duration.ofMillis(51)) // ... and at most 150 ms with its jitter
                .then(() -> assertThat(keys).hasSize(2))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ItemException.class);
                    ItemException failure = (ItemException) error;
                    assertThat(failure.type()).isEqualTo(FailureType.DELIVER);
                    assertThat(failure.httpStatus()).isEqualTo(500);
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).isEqualTo("webhook https://hooks.example/in answered 500 after 4 attempts");
                })
                .verify();
        assertThat(keys).hasSize(4);
    }

    @Test
    void aRetryAfterDelaysTheNextAttempt() {
        WebhookSink sink = sink(SETTINGS, attempt -> Mono.just(attempt == 1 ? answer(429, "3") : answer(204, null)));

        StepVerifier.withVirtualTime(() -> sink.deliver(OUTCOME))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(3099)) // Retry-After 3 s, then the backoff of at least 100 ms
                .then(() -> assertThat(keys).hasSize(1))
                .thenAwait(Duration.ofMillis(51))
                .verifyComplete();
        assertThat(keys).hasSize(2);
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutOnEveryAttempt() {
        WebhookSink sink = sink(SETTINGS, attempt -> Mono.never());

        StepVerifier.withVirtualTime(() -> sink.deliver(OUTCOME))
                .thenAwait(Duration.ofSeconds(10))
                .expectErrorMessage("webhook https://hooks.example/in did not answer within 1s "
                        + "(cartage.deliver.webhook.timeout) after 4 attempts")
                .verify();
        assertThat(keys).hasSize(4);
    }

    @Test
    void noRetriesMeansOneAttempt() {
        WebhookProperties once = new WebhookProperties(0, Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(1), 4);
        WebhookSink sink = sink(once, attempt -> Mono.just(answer(503, null)));

        StepVerifier.withVirtualTime(() -> sink.deliver(OUTCOME))
                .expectErrorMessage("webhook https://hooks.example/in answered 503 after 1 attempt")
                .verify();
        assertThat(keys).hasSize(1);
    }

    private WebhookSink sink(WebhookProperties settings, IntFunction<Mono<WebhookClient.Answer>> receiver) {
        return new WebhookSink("r-1", URL, (url, body, key) -> Mono.defer(() -> {
            keys.add(key);
            bodies.add(new String(body, StandardCharsets.UTF_8));
            return receiver.apply(keys.size());
        }), JSON, settings);
    }

    private static WebhookClient.Answer answer(int status, String retryAfter) {
        return new WebhookClient.Answer(status, retryAfter);
    }
}
