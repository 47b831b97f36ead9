package dev.cartage.fetch.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchCacheProperties;
import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.TestFetchers;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.Overflow;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StageSpec;
import reactor.core.publisher.Flux;

/** 429 and 503 back off: Retry-After read in both forms, honoured by the stage's retry, capped by a setting. */
class RetryAfterTest {

    private static final FetchProperties FETCH = new FetchProperties("Cartage/0.1 (+https://cartage.dev)",
            Duration.ofSeconds(2), DataSize.ofMegabytes(1), 5, 500);
    private static final StageSettings ONE_RETRY = new StageSettings(4, 4, Overflow.BACKPRESSURE,
            Duration.ofSeconds(5), 1);

    private RecordingOrigin origin;
    private TestFetchers.Built built;

    @AfterEach
    void stop() {
        if (built != null) {
            built.close();
            origin.close();
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2015-10-21T07:27:00Z");

        assertThat(RetryAfter.parse("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now)).as("a date past").isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse("-5", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }

    @Test
    void a503WithRetryAfterOneSecondIsTriedAgainAboutOneSecondLater() {
        AtomicInteger pages = new AtomicInteger();
        start((request, response) -> request.uri().equals("/robots.txt") ? response.status(404).send()
                : pages.incrementAndGet() == 1
                        ? response.status(503).header("Retry-After", "1").send()
                        : RobotsTest.page(response));

        List<Envelope<Fetched>> outcomes = fetchStage("/page");

        assertThat(outcomes).singleElement().satisfies(item -> assertThat(item.payload().status()).isEqualTo(200));
        List<RecordingOrigin.Hit> attempts = origin.hits("/page");
        assertThat(attempts).hasSize(2);
        // by the server's clock, with a little tolerance for when each request was read
        assertThat(Duration.ofNanos(attempts.get(1).arrivedNanos() - attempts.get(0).arrivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRetryAfterBeyondTheLimitFailsAtOnceAndSaysWhy() {
        start((request, response) -> request.uri().equals("/robots.txt") ? response.status(404).send()
                : response.status(429).header("Retry-After", "3600").send());

        List<Envelope<Fetched>> outcomes = fetchStage("/page");

        assertThat(outcomes).singleElement().satisfies(item -> {
            assertThat(item.failure().type()).isEqualTo(FailureType.HTTP_STATUS);
            assertThat(item.failure().httpStatus()).isEqualTo(429);
            assertThat(item.failure().message()).contains("3600s", "cartage.fetch.politeness.max-retry-after");
        });
        assertThat(origin.hits("/page")).as("not retried").hasSize(1);
    }

    @Test
    void a429WithoutRetryAfterIsRetriedWithTheStagesBackoff() {
        AtomicInteger pages = new AtomicInteger();
        start((request, response) -> request.uri().equals("/robots.txt") ? response.status(404).send()
                : pages.incrementAndGet() == 1 ? response.status(429).send() : RobotsTest.page(response));

        List<Envelope<Fetched>> outcomes = fetchStage("/page");

        assertThat(outcomes).singleElement().satisfies(item -> assertThat(item.failure()).isNull());
        assertThat(origin.hits("/page")).hasSize(2);
    }

    private void start(RobotsTest.Handler handler) {
        origin = new RecordingOrigin(handler::handle);
        built = TestFetchers.create(FETCH, PolitenessProperties.defaults(), FetchCacheProperties.defaults(), null,
                new SimpleMeterRegistry());
    }

    private List<Envelope<Fetched>> fetchStage(String path) {
        Pipeline<String, Fetched> fetch = Pipeline.<String>builder()
                .then(StageSpec.<String, Fetched>ioTimedInside(Stage.FETCH, ONE_RETRY,
                        p -> built.fetcher().fetch(origin.url(p))))
                .build(false);
        return fetch.run(Flux.just(Envelope.of(0, path, path)))
                .collectList()
                .block(Duration.ofSeconds(30));
    }

}
