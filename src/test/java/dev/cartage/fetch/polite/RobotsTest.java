package dev.cartage.fetch.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchCacheProperties;
import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.Fetcher;
import dev.cartage.fetch.TestFetchers;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/** robots.txt against local origins: obeyed, fetched once per origin, read per RFC 9309, and never for the pile. */
class RobotsTest {

    private static final FetchProperties FETCH = new FetchProperties("Cartage/0.1 (+https://cartage.dev)",
            Duration.ofSeconds(2), DataSize.ofMegabytes(1), 5, 500);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RecordingOrigin origin;
    private TestFetchers.Built built;

    @AfterEach
    void stop() {
        if (built != null) {
            built.close();
        }
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void aDisallowedUrlFailsAsRobotsWithoutBeingRequested() {
        Fetcher fetcher = serve(robots("User-agent: *\nDisallow: /private\n"));

        StepVerifier.create(fetcher.fetch(origin.url("/private/page")))
                .expectErrorSatisfies(error -> {
                    ItemException item = (ItemException) error;
                    assertThat(item.type()).isEqualTo(FailureType.ROBOTS);
                    assertThat(item.retryable()).isFalse();
                    assertThat(item.getMessage()).contains("disallows", "/private/page");
                })
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(fetcher.fetch(origin.url("/public")).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();

        assertThat(origin.hits("/private/page")).isEmpty();
        assertThat(meters.counter("cartage.fetch.robots.denials").count()).isEqualTo(1);
    }

    @Test
    void theGroupForCartagesProductTokenWinsOverTheWildcard() {
        Fetcher fetcher = serve(robots("User-agent: *\nDisallow: /\n\nUser-agent: cartage\nDisallow: /private\n"));

        StepVerifier.create(fetcher.fetch(origin.url("/public")).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();
        StepVerifier.create(fetcher.fetch(origin.url("/private")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.ROBOTS))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void manyItemsForOneOriginShareOneRobotsFetch() {
        Fetcher fetcher = serve(Duration.ofMillis(100), robots("User-agent: *\nDisallow: /private\n"));

        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(i -> fetcher.fetch(origin.url("/page/" + i)).map(Fetched::status), 20)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(20).containsOnly(200);
        assertThat(origin.hits("/robots.txt")).hasSize(1);
        assertThat(meters.counter("cartage.fetch.robots.fetches", "outcome", "parsed").count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "robots.txt answering {0} allows everything")
    @ValueSource(ints = {401, 403, 404, 410})
    void aRobotsTxtThatIsUnavailableAllowsEverything(int status) {
        Fetcher fetcher = serve(robotsStatus(status));

        StepVerifier.create(fetcher.fetch(origin.url("/page")).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();
    }

    @ParameterizedTest(name = "robots.txt answering {0} disallows everything")
    @ValueSource(ints = {429, 500, 503})
    void aRobotsTxtThatIsUnreachableDisallowsEverythingForNow(int status) {
        Fetcher fetcher = serve(robotsStatus(status));

        StepVerifier.create(fetcher.fetch(origin.url("/page")))
                .expectErrorSatisfies(error -> {
                    assertThat(((ItemException) error).type()).isEqualTo(FailureType.ROBOTS);
                    assertThat(error.getMessage()).contains("could not be read", Integer.toString(status));
                })
                .verify(Duration.ofSeconds(10));
        assertThat(origin.hits("/page")).isEmpty();
    }

    @Test
    void aRobotsTxtWithNoConnectionDisallowsEverythingAsAConnectionFailure() {
        DisposableServer closed = HttpServer.create().host("127.0.0.1").port(0).bindNow();
        URI gone = URI.create("http://127.0.0.1:" + closed.port());
        closed.disposeNow();
        RobotsFetch fetch = new RobotsFetch(reactor.netty.http.client.HttpClient.create(),
                dev.cartage.fetch.TestFetchers.loopbackGuard(), FETCH.userAgent(), PolitenessProperties.Robots.defaults(),
                meters);

        StepVerifier.create(fetch.rulesOf(gone))
                .assertNext(rules -> {
                    assertThat(rules.kind()).isEqualTo(OriginRules.Kind.UNREACHABLE);
                    // disallowed as RFC 9309 says, but typed as what happened: the origin cannot be reached
                    assertThat(rules.refusalOf(gone.resolve("/page")).type()).isEqualTo(FailureType.CONNECTION);
                    assertThat(rules.refusalOf(gone.resolve("/page")).retryable()).isFalse();
                })
                .verifyComplete();
    }

    @Test
    void redirectsOfRobotsTxtAreFollowedUpToFive() {
        Fetcher fetcher = serve((request, response) -> {
            String path = request.uri();
            if (path.startsWith("/robots.txt") || path.startsWith("/moved/")) {
                int hop = path.startsWith("/moved/") ? Integer.parseInt(path.substring(7)) : 0;
                return hop < 5 ? response.sendRedirect("/moved/" + (hop + 1))
                        : response.sendString(Mono.just("User-agent: *\nDisallow: /private\n"));
            }
            return page(response);
        });

        StepVerifier.create(fetcher.fetch(origin.url("/private")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.ROBOTS))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void moreThanFiveRedirectsCountAsNoRobotsTxt() {
        Fetcher fetcher = serve((request, response) -> request.uri().startsWith("/robots.txt")
                || request.uri().startsWith("/moved") ? response.sendRedirect("/moved" + request.uri()) : page(response));

        StepVerifier.create(fetcher.fetch(origin.url("/private")).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();
        assertThat(origin.hits().stream().filter(hit -> !hit.path().equals("/private"))).hasSize(6);
    }

    @Test
    void onlyTheFirstMaxSizeBytesOfRobotsTxtAreRead() {
        String filler = "# " + "x".repeat(1022) + "\n";
        built = TestFetchers.create(FETCH, politeness(new PolitenessProperties.Robots(true, Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofSeconds(5), DataSize.ofKilobytes(4), 100)),
                FetchCacheProperties.defaults(), null, meters);
        origin = new RecordingOrigin(robots("User-agent: *\nDisallow: /early\n" + filler.repeat(8)
                + "Disallow: /late\n")::handle);
        Fetcher fetcher = built.fetcher();

        StepVerifier.create(fetcher.fetch(origin.url("/early")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.ROBOTS))
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(fetcher.fetch(origin.url("/late")).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();
    }

    @Test
    void thePileIsNeverAskedForRobotsTxtNorHeldToHostLimits() {
        origin = new RecordingOrigin(Duration.ofMillis(200), robots("User-agent: *\nDisallow: /\n")::handle);
        built = TestFetchers.create(FETCH, PolitenessProperties.defaults(), FetchCacheProperties.defaults(),
                origin.base(), meters);

        List<Integer> statuses = Flux.range(0, 6)
                .flatMap(i -> built.fetcher().fetch(origin.url("/pile/manuals/" + i)).map(Fetched::status), 6)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(6).containsOnly(200);
        assertThat(origin.hits("/robots.txt")).isEmpty();
        assertThat(origin.maxInFlight("127.0.0.1")).as("the per-host cap of 2 does not apply").isGreaterThan(2);
    }

    @Test
    void robotsCanBeSwitchedOff() {
        built = TestFetchers.create(FETCH, politeness(new PolitenessProperties.Robots(false, Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofSeconds(5), DataSize.ofKilobytes(500), 100)),
                FetchCacheProperties.defaults(), null, meters);
        origin = new RecordingOrigin(robots("User-agent: *\nDisallow: /\n")::handle);

        StepVerifier.create(built.fetcher().fetch(origin.url("/page")).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();
        assertThat(origin.hits("/robots.txt")).isEmpty();
    }

    @Test
    void theProductTokenIsTheUserAgentsFirstWord() {
        assertThat(RobotsFetch.productToken("Cartage/0.1 (+https://cartage.dev)")).isEqualTo("cartage");
        assertThat(RobotsFetch.productToken("Cartage-Test/1")).isEqualTo("cartage-test");
        assertThat(RobotsFetch.productToken("  ")).isEqualTo("cartage");
    }

    private Fetcher serve(Handler handler) {
        return serve(Duration.ZERO, handler);
    }

    private Fetcher serve(Duration latency, Handler handler) {
        origin = new RecordingOrigin(latency, handler::handle);
        built = TestFetchers.create(FETCH, PolitenessProperties.defaults(), FetchCacheProperties.defaults(), null,
                meters);
        return built.fetcher();
    }

    static PolitenessProperties politeness(PolitenessProperties.Robots robots) {
        PolitenessProperties defaults = PolitenessProperties.defaults();
        return new PolitenessProperties(defaults.hostConcurrency(), defaults.hostDelay(), defaults.maxCrawlDelay(),
                defaults.maxRetryAfter(), robots);
    }

    /** Answers robots.txt with {@code content} and every other path with a small page. */
    static Handler robots(String content) {
        return (request, response) -> request.uri().equals("/robots.txt")
                ? response.header("Content-Type", "text/plain").sendString(Mono.just(content))
                : page(response);
    }

    private static Handler robotsStatus(int status) {
        return (request, response) -> request.uri().equals("/robots.txt") ? response.status(status).send()
                : page(response);
    }

    static Mono<Void> page(HttpServerResponse response) {
        return Mono.from(response.header("Content-Type", "text/html").sendString(Mono.just("<p>hello</p>")));
    }

    /** A route of the recording origin. */
    @FunctionalInterface
    interface Handler {
        org.reactivestreams.Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response);
    }
}
