package dev.cartage.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** The fetcher against a local server: what it returns, and how each failure is typed. */
class FetcherTest {

    private static DisposableServer origin;
    private static TestFetchers.Built built;
    private static Fetcher fetcher;

    @BeforeAll
    static void start() {
        origin = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/page", (req, res) -> res.header("Content-Type", "text/html;charset=UTF-8")
                                .sendString(Mono.just("<html><title>Hi</title><p>" + req.requestHeaders().get("User-Agent") + "</p></html>")))
                        .get("/status/{code}", (req, res) -> res.status(Integer.parseInt(req.param("code"))).send())
                        .get("/big", (req, res) -> res.header("Content-Type", "text/html")
                                .sendString(Mono.just("x".repeat(64 * 1024))))
                        .get("/redirect/{n}", (req, res) -> {
                            int n = Integer.parseInt(req.param("n"));
                            return res.sendRedirect(n == 0 ? "/page" : "/redirect/" + (n - 1));
                        }))
                .bindNow();
        built = TestFetchers.create(new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2), DataSize.ofKilobytes(16), 3, 10));
        fetcher = built.fetcher();
    }

    @AfterAll
    static void stop() {
        built.close();
        origin.disposeNow();
    }

    @Test
    void fetchesTheBodyAndItsTypeAndNamesItselfInTheUserAgent() {
        StepVerifier.create(fetcher.fetch(url("/page")))
                .assertNext(page -> {
                    assertThat(page.status()).isEqualTo(200);
                    assertThat(page.contentType()).startsWith("text/html");
                    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Cartage-Test/1");
                })
                .verifyComplete();
    }

    @ParameterizedTest(name = "{0} retryable={1}")
    @CsvSource({"404,false", "403,false", "410,false", "429,true", "500,false", "502,true", "503,true", "504,true"})
    void anErrorStatusFailsTheItemAndOnlyTransientOnesAreRetryable(int status, boolean retryable) {
        StepVerifier.create(fetcher.fetch(url("/status/" + status)))
                .expectErrorSatisfies(error -> {
                    ItemException item = (ItemException) error;
                    assertThat(item.type()).isEqualTo(FailureType.HTTP_STATUS);
                    assertThat(item.httpStatus()).isEqualTo(status);
                    assertThat(item.retryable()).isEqualTo(retryable);
                    assertThat(item.getMessage()).contains(Integer.toString(status));
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aBodyOverTheCapFailsAsTooLarge() {
        StepVerifier.create(fetcher.fetch(url("/big")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.TOO_LARGE))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() {
        StepVerifier.create(fetcher.fetch(url("/redirect/2")).map(Fetched::status))
                .expectNext(200)
                .verifyComplete();
        StepVerifier.create(fetcher.fetch(url("/redirect/5")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).httpStatus()).isEqualTo(302))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aRefusedConnectionFailsAsRetryableConnectionError() {
        DisposableServer closed = HttpServer.create().host("127.0.0.1").port(0).bindNow();
        int port = closed.port();
        closed.disposeNow();

        StepVerifier.create(fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/")))
                .expectErrorSatisfies(error -> {
                    assertThat(((ItemException) error).type()).isEqualTo(FailureType.CONNECTION);
                    assertThat(((ItemException) error).retryable()).isTrue();
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void schemesOtherThanHttpAreRefusedWithoutAConnection() {
        StepVerifier.create(fetcher.fetch(URI.create("file:///etc/passwd")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.INVALID_URL))
                .verify();
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + origin.port() + path);
    }
}
