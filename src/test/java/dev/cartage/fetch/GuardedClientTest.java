package dev.cartage.fetch;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cartage.fetch.guard.BlockedAddressException;
import dev.cartage.fetch.guard.GuardProperties;
import dev.cartage.fetch.guard.TargetGuard;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** The shared way to build an outbound client: no redirects followed, the guard applied after everything else. */
class GuardedClientTest {

    private DisposableServer origin;
    private TargetGuard guard;
    private GuardedClient built;

    @BeforeEach
    void start() {
        origin = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/moved", (req, res) -> res.status(302).header("Location", "/here").send())
                        .get("/here", (req, res) -> res.sendString(Mono.just("here"))))
                .bindNow();
    }

    @AfterEach
    void stop() {
        if (built != null) {
            built.close();
        }
        if (guard != null) {
            guard.close();
        }
        origin.disposeNow();
    }

    @Test
    void aRedirectIsAnAnswerNotFollowedByTheClient() {
        guard = TestFetchers.loopbackGuard();
        built = build(UnaryOperator.identity());

        StepVerifier.create(built.client().get().uri(url("/moved")).response().map(response -> response.status().code()))
                .expectNext(302)
                .verifyComplete();
    }

    @Test
    void theGuardStillRefusesWhatTheClientSpecificSettingsWouldLetThrough() {
        guard = new TargetGuard(GuardProperties.allowing());
        built = build(client -> client.followRedirect(true));

        StepVerifier.create(built.client().get().uri(url("/here")).responseContent().aggregate().asString())
                .expectError(BlockedAddressException.class)
                .verify(Duration.ofSeconds(10));
    }

    private GuardedClient build(UnaryOperator<HttpClient> specific) {
        return GuardedClient.build("cartage-test", 4, Duration.ofSeconds(2), Duration.ofSeconds(2), guard, specific);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + origin.port() + path;
    }
}
