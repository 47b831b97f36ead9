package dev.cartage.fetch.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchConnections;
import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.Fetcher;
import dev.cartage.fetch.OriginExchange;
import dev.cartage.fetch.TestFetchers;
import dev.cartage.fetch.polite.Politeness;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * The SSRF guard against hostile targets: URLs in every disguise, host names that resolve to denied addresses,
 * and redirects to both. A canary server on 127.0.0.1 counts the connections it accepts; every loopback-class
 * URL points at the canary's port, and that port is an allowed port here, so only the address check stands
 * between the URL and the canary. After every test the canary must have seen zero connections, and the
 * {@link Tripwire} behind the guard must have seen no connect but the ones the test expects.
 */
class HostileTargetsTest {

    private static final AtomicInteger canaryConnections = new AtomicInteger();
    private static final AtomicInteger originPages = new AtomicInteger();
    private static final Tripwire tripwire = new Tripwire();
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static DisposableServer canary;
    private static DisposableServer origin;
    private static TargetGuard guard;
    private static FetchConnections connections;
    private static OriginExchange exchange;
    private static Fetcher fetcher;

    @BeforeAll
    static void start() {
        canary = HttpServer.create().host("127.0.0.1").port(0)
                .doOnConnection(connection -> canaryConnections.incrementAndGet())
                .handle((request, response) -> response.sendString(Mono.just("canary")))
                .bindNow();
        origin = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/page", (request, response) -> {
                            originPages.incrementAndGet();
                            return response.header("Content-Type", "text/html")
                                    .sendString(Mono.just("<html><title>allowed</title></html>"));
                        })
                        .get("/redirect", (request, response) -> response.status(302)
                                .header("Location", HostileUrls.queryValue(request.uri(), "to")).send()))
                .bindNow();
        TestResolverGroup resolver = HostileUrls.testNames();
        GuardProperties settings = new GuardProperties(
                List.of("127.0.0.1:" + origin.port(), "allowed.test:" + origin.port()),
                List.of(80, 443, canary.port()));
        guard = new TargetGuard(settings, List::of, resolver);
        guard.bindTo(meters);
        FetchProperties properties = new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2),
                DataSize.ofKilobytes(64), 5, 10, Duration.ofSeconds(5));
        connections = new TripwiredConnections(properties, guard);
        exchange = new OriginExchange(properties, connections);
        fetcher = new Fetcher(properties, guard, new Politeness(), exchange);
    }

    @AfterAll
    static void stop() {
        connections.close();
        guard.close();
        canary.disposeNow();
        origin.disposeNow();
    }

    @AfterEach
    void theCanaryWasNeverReached() {
        assertThat(canaryConnections).as("connections the canary accepted").hasValue(0);
    }

    static Stream<Arguments> hostileUrls() {
        return HostileUrls.TABLE.stream().map(row -> Arguments.of(row.url(), row.expected()));
    }

    static Stream<Arguments> hostileNames() {
        return HostileUrls.NAMES.stream().map(Arguments::of);
    }

    static Stream<Arguments> redirectTargets() {
        return Stream.concat(
                HostileUrls.TABLE.stream().filter(row -> !row.url().startsWith("//"))
                        .map(row -> Arguments.of(row.url(), row.expected())),
                HostileUrls.NAMES.stream().map(name -> Arguments.of(name, FailureType.BLOCKED)));
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @MethodSource("hostileUrls")
    void hostileUrlIsRefusedWithoutAnyConnection(String template, FailureType expected) {
        int before = tripwire.seen().size();

        expectFailure(fetcher.fetch(url(template)), expected);

        assertThat(tripwire.seen().subList(before, tripwire.seen().size())).as("connects past the guard").isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at connect time")
    @MethodSource("hostileNames")
    void nameThatResolvesToADeniedAddressIsRefusedAtConnectTime(String template) {
        int before = tripwire.seen().size();

        expectFailure(fetcher.fetch(url(template)), FailureType.BLOCKED);

        assertThat(tripwire.seen().subList(before, tripwire.seen().size())).as("connects past the guard").isEmpty();
    }

    @ParameterizedTest(name = "a redirect to {0} is refused as {1}")
    @MethodSource("redirectTargets")
    void redirectToAHostileTargetIsRefused(String template, FailureType expected) {
        int before = tripwire.seen().size();
        String target = URLEncoder.encode(url(template).toString(), StandardCharsets.UTF_8);

        expectFailure(fetcher.fetch(URI.create("http://127.0.0.1:" + origin.port() + "/redirect?to=" + target)),
                expected);

        assertThat(tripwire.seen().subList(before, tripwire.seen().size()))
                .as("connects past the guard other than to the redirecting origin")
                .allSatisfy(address -> assertThat(address.getPort()).isEqualTo(origin.port()));
    }

    /** The connection check alone, without the URL check before it: it must see literal addresses too. */
    @ParameterizedTest(name = "{0} is refused by the connection check")
    @ValueSource(strings = {"http://127.0.0.1:{C}/", "http://127.9.9.9:{C}/", "http://0.0.0.0:{C}/",
            "http://[::1]:{C}/", "http://[::ffff:127.0.0.1]:{C}/", "http://[::127.0.0.1]:{C}/", "http://canary.test:{C}/",
            "http://mixed.test:{C}/", "http://169.254.169.254/", "http://[fd00:ec2::254]/", "http://10.0.0.1/"})
    void connectionCheckRefusesDeniedAddressesEvenWhenTheUrlCheckIsSkipped(String template) {
        int before = tripwire.seen().size();
        // exchange.get is what the fetcher calls after the URL check; here nothing checked the URL
        StepVerifier.create(exchange.get(url(template)))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.BLOCKED))
                .verify(Duration.ofSeconds(10));
        assertThat(tripwire.seen().subList(before, tripwire.seen().size())).isEmpty();
    }

    @ParameterizedTest(name = "{0} is reached")
    @ValueSource(strings = {"http://127.0.0.1:{O}/page", "http://allowed.test:{O}/page", "http://ALLOWED.test.:{O}/page"})
    void allowListedLocalServerIsReached(String template) {
        int before = originPages.get();

        StepVerifier.create(fetcher.fetch(url(template)).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();

        assertThat(originPages.get() - before).as("requests the allowed server answered").isEqualTo(1);
    }

    /** Both the resolver and the connection check see the name a connection was asked for, not only its address. */
    @Test
    void aHostNameRuleAdmitsThatNameButNotItsAddressUnderAnotherName() {
        GuardProperties nameOnly = new GuardProperties(List.of("allowed.test:" + origin.port()), List.of(80, 443));
        FetchProperties properties = new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2),
                DataSize.ofKilobytes(64), 0, 2);
        try (TestFetchers.Built named = TestFetchers.create(properties,
                new TargetGuard(nameOnly, List::of, HostileUrls.testNames()), new Politeness())) {
            StepVerifier.create(named.fetcher().fetch(url("http://allowed.test:{O}/page")).map(Fetched::status))
                    .expectNext(200)
                    .verifyComplete();
            expectFailure(named.fetcher().fetch(url("http://127.0.0.1:{O}/page")), FailureType.BLOCKED);
            expectFailure(named.connections().client().get().uri(url("http://127.0.0.1:{O}/page").toString())
                    .response().then(), null);
        }
    }

    @Test
    void publicAddressPassesTheGuardAndOnlyTheTripwireStopsIt() {
        int before = tripwire.seen().size();

        StepVerifier.create(fetcher.fetch(URI.create("http://public.test/")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.CONNECTION))
                .verify(Duration.ofSeconds(10));

        assertThat(tripwire.seen().subList(before, tripwire.seen().size()))
                .extracting(address -> address.getAddress().getHostAddress() + ":" + address.getPort())
                .containsExactly("93.184.215.14:80");
    }

    @Test
    void refusalsAreCountedOnceByReason() {
        double loopback = blocked("loopback");
        double linkLocal = blocked("link-local");
        double port = blocked("port");

        expectFailure(fetcher.fetch(url("http://127.0.0.1:{C}/")), FailureType.BLOCKED);
        expectFailure(fetcher.fetch(url("http://metadata.test/")), FailureType.BLOCKED);
        expectFailure(fetcher.fetch(url("http://8.8.8.8:25/")), FailureType.BLOCKED);

        assertThat(blocked("loopback")).isEqualTo(loopback + 1);
        assertThat(blocked("link-local")).isEqualTo(linkLocal + 1);
        assertThat(blocked("port")).isEqualTo(port + 1);
    }

    private static double blocked(String reason) {
        return meters.get("cartage.fetch.blocked").tag("reason", reason).functionCounter().count();
    }

    /** Expects {@code fetch} to fail as {@code expected}, or, when null, with the guard's connection refusal. */
    private static void expectFailure(Mono<?> fetch, FailureType expected) {
        if (expected == null) {
            StepVerifier.create(fetch)
                    .expectErrorSatisfies(error -> assertThat(Stream.iterate(error, java.util.Objects::nonNull,
                            Throwable::getCause)).hasAtLeastOneElementOfType(BlockedAddressException.class))
                    .verify(Duration.ofSeconds(10));
            return;
        }
        StepVerifier.create(fetch)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ItemException.class);
                    assertThat(((ItemException) error).type()).as(error.getMessage()).isEqualTo(expected);
                    assertThat(((ItemException) error).retryable()).isFalse();
                })
                .verify(Duration.ofSeconds(10));
    }

    private static URI url(String template) {
        return URI.create(template.replace("{C}", Integer.toString(canary.port()))
                .replace("{O}", Integer.toString(origin.port())));
    }

    /** The fetch stage's connections with the {@link Tripwire} after the guard in every pipeline. */
    private static final class TripwiredConnections extends FetchConnections {

        private final HttpClient client;

        TripwiredConnections(FetchProperties properties, TargetGuard guard) {
            super(properties, guard);
            this.client = super.client().doOnChannelInit((observer, channel, remote) ->
                    channel.pipeline().addFirst("tripwire", tripwire));
        }

        @Override
        public HttpClient client() {
            return client;
        }
    }
}
