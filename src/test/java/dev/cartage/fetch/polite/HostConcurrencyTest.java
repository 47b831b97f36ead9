package dev.cartage.fetch.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchCacheProperties;
import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.TestFetchers;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Overflow;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StageSpec;
import reactor.core.publisher.Flux;

/**
 * Per-host limits against a local origin that records how many requests it serves at once, per Host header
 * ({@code 127.0.0.1} and {@code localhost} are two hosts to the fetch stage and one server here).
 */
class HostConcurrencyTest {

    private static final FetchProperties FETCH = new FetchProperties("Cartage/0.1 (+https://cartage.dev)",
            Duration.ofSeconds(2), DataSize.ofMegabytes(1), 5, 500);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RecordingOrigin origin;
    private TestFetchers.Built built;

    @AfterEach
    void stop() {
        built.close();
        origin.close();
    }

    @Test
    void parallelism256AtOneHostSendsAtMostTwoRequestsAtOnce() {
        start(Duration.ofMillis(50), PolitenessProperties.defaults());

        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> built.fetcher().fetch(origin.url("/page/" + i)).map(Fetched::status), 256)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(40).containsOnly(200);
        assertThat(origin.maxInFlight("127.0.0.1")).isEqualTo(2);
        assertThat(meters.counter("cartage.fetch.host.permit.waits").count()).isPositive();
    }

    @Test
    void twoHostsEachGetTheirOwnTwoPermits() {
        start(Duration.ofMillis(100), PolitenessProperties.defaults());

        List<Integer> statuses = Flux.range(0, 24)
                .flatMap(i -> built.fetcher().fetch(origin.url(i % 2 == 0 ? "127.0.0.1" : "localhost", "/page/" + i))
                        .map(Fetched::status), 256)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(24).containsOnly(200);
        assertThat(origin.maxInFlight("127.0.0.1")).isEqualTo(2);
        assertThat(origin.maxInFlight("localhost")).isEqualTo(2);
    }

    @Test
    void waitingForAHostPermitDoesNotCountAgainstTheFetchTimeout() {
        start(Duration.ofMillis(300), PolitenessProperties.defaults());
        built.fetcher().fetch(origin.url("/warm-up")).block(Duration.ofSeconds(30));
        // 12 items, 2 at a time, 300 ms each: the last ones wait about 1.5 s for a permit, beyond the 1 s timeout
        StageSettings settings = new StageSettings(256, 16, Overflow.BACKPRESSURE, Duration.ofSeconds(1), 0);
        Pipeline<String, Fetched> fetch = Pipeline.<String>builder()
                .then(StageSpec.<String, Fetched>ioTimedInside(Stage.FETCH, settings,
                        path -> built.fetcher().fetch(origin.url(path))))
                .build(false);

        List<Envelope<Fetched>> outcomes = fetch.run(Flux.range(0, 12).map(i -> Envelope.of(i, "item-" + i, "/page/" + i)))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(12).allSatisfy(item -> assertThat(item.failure()).isNull());
        assertThat(origin.maxInFlight("127.0.0.1")).isEqualTo(2);
    }

    @Test
    void aCrawlDelayAndAHostDelaySpaceRequestStarts() {
        PolitenessProperties defaults = PolitenessProperties.defaults();
        // Crawl-delay 3600 s is capped to 400 ms; the host delay of 100 ms is shorter, so the cap wins
        start(Duration.ZERO, new PolitenessProperties(2, Duration.ofMillis(100), Duration.ofMillis(400),
                defaults.maxRetryAfter(), defaults.robots()), "User-agent: *\nCrawl-delay: 3600\n");

        built.fetcher().fetch(origin.url("/warm-up")).block(Duration.ofSeconds(30));
        Flux.range(0, 3)
                .flatMap(i -> built.fetcher().fetch(origin.url("/page/" + i)), 3)
                .blockLast(Duration.ofSeconds(30));

        List<Long> starts = origin.hits().stream()
                .filter(hit -> hit.path().startsWith("/page/"))
                .map(RecordingOrigin.Hit::arrivedNanos)
                .sorted()
                .toList();
        // spaced on the client's side; the server sees the same spacing give or take the time one request
        // takes to reach it, hence the tolerance
        assertThat(starts).hasSize(3);
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(starts.get(2) - starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private void start(Duration latency, PolitenessProperties politeness) {
        start(latency, politeness, "User-agent: *\nAllow: /\n");
    }

    private void start(Duration latency, PolitenessProperties politeness, String robots) {
        origin = new RecordingOrigin(latency, RobotsTest.robots(robots)::handle);
        built = TestFetchers.create(FETCH, politeness, FetchCacheProperties.defaults(), null, meters);
    }
}
