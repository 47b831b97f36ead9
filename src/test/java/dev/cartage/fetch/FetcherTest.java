package dev.cartage.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.guard.GuardProperties;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** The fetcher against a local server: what it returns, and how each failure is typed. */
class FetcherTest {

    private static DisposableServer origin;
    private static TestFetchers.Built built;
    private static Fetcher fetcher;
    private static final GzipBomb bomb = new GzipBomb(4096);

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
                        })
                        .get("/encodings", (req, res) -> res.header("Content-Type", "text/plain")
                                .sendString(Mono.just(String.valueOf(req.requestHeaders().get("Accept-Encoding")))))
                        .get("/gzipped", (req, res) -> res.header("Content-Type", "text/html")
                                .header("Content-Encoding", "gzip")
                                .sendByteArray(Mono.just(GzipBomb.gzip("<html><title>small</title></html>"))))
                        .get("/bomb", (req, res) -> res.header("Content-Type", "text/html")
                                .header("Content-Encoding", "gzip")
                                .send(bomb.body()))
                        .get("/slow", (req, res) -> Mono.delay(Duration.ofSeconds(5))
                                .then(res.sendString(Mono.just("late")).then())))
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

    @Test
    void asksOnlyForGzipAndDeflate() {
        StepVerifier.create(fetcher.fetch(url("/encodings")).map(page -> new String(page.body(), StandardCharsets.UTF_8)))
                .expectNext("gzip, deflate")
                .verifyComplete();
    }

    @Test
    void aGzippedBodyArrivesDecompressed() {
        StepVerifier.create(fetcher.fetch(url("/gzipped")).map(page -> new String(page.body(), StandardCharsets.UTF_8)))
                .expectNext("<html><title>small</title></html>")
                .verifyComplete();
    }

    /**
     * A gzip body of about 4 MB that inflates to 4 GiB: the cap (16 KiB here) counts the inflated bytes, and the
     * client stops reading there. The server produces the compressed stream lazily, as the connection takes it;
     * it never gets near its end because the client closed the connection after the first chunks.
     */
    @Test
    void aGzipBombFailsAsTooLargeAndIsNotReadToTheEnd() {
        StepVerifier.create(fetcher.fetch(url("/bomb")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.TOO_LARGE))
                .verify(Duration.ofSeconds(30));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(bomb::stopped);
        assertThat(bomb.chunksSent()).as("1 MiB chunks of zeros the server compressed and sent")
                .isLessThan(bomb.chunks() / 4);
    }

    @Test
    void aSlowOriginFailsAsARetryableTimeout() {
        FetchProperties quick = new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2), DataSize.ofKilobytes(16),
                3, 10, Duration.ofMillis(200));
        try (TestFetchers.Built impatient = TestFetchers.create(quick)) {
            StepVerifier.create(impatient.fetcher().fetch(url("/slow")))
                    .expectErrorSatisfies(error -> {
                        assertThat(((ItemException) error).type()).isEqualTo(FailureType.TIMEOUT);
                        assertThat(((ItemException) error).retryable()).isTrue();
                        assertThat(error.getMessage()).contains("cartage.fetch.response-timeout");
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void loopbackServersAreAdmittedOnlyByTheTestRules() {
        FetchProperties properties = new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2),
                DataSize.ofKilobytes(16), 3, 10);
        try (TestFetchers.Built strict = TestFetchers.create(properties, GuardProperties.allowing())) {
            StepVerifier.create(strict.fetcher().fetch(url("/page")))
                    .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.BLOCKED))
                    .verify(Duration.ofSeconds(10));
        }
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + origin.port() + path);
    }

    /**
     * A gzip stream of zeros made lazily, one chunk per request of the connection: {@code chunks} MiB of zeros
     * compress to about a thousandth of that. It counts the chunks it sent and notes when the response stopped, so a
     * test can tell a client that stopped reading at its cap from one that inflated everything.
     */
    private static final class GzipBomb {

        private static final byte[] ZEROS = new byte[1024 * 1024];

        private final int chunks;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();

        GzipBomb(int chunks) {
            this.chunks = chunks;
        }

        /** The response body: a gzip header, {@code chunks} flushed blocks of deflated zeros, the gzip trailer. */
        Flux<ByteBuf> body() {
            return Flux.<ByteBuf, Compressor>generate(Compressor::new, (compressor, sink) -> {
                        int chunk = sent.incrementAndGet();
                        sink.next(Unpooled.wrappedBuffer(compressor.next(chunk == chunks)));
                        if (chunk == chunks) {
                            sink.complete();
                        }
                        return compressor;
                    })
                    .doFinally(signal -> stopped.set(true));
        }

        int chunks() {
            return chunks;
        }

        int chunksSent() {
            return sent.get();
        }

        boolean stopped() {
            return stopped.get();
        }

        static byte[] gzip(String text) {
            Compressor compressor = new Compressor();
            return compressor.write(text.getBytes(StandardCharsets.UTF_8), true);
        }

        /** One gzip stream written in pieces; in-memory only, so nothing here blocks. */
        private static final class Compressor {

            private final ByteArrayOutputStream out = new ByteArrayOutputStream();
            private final GZIPOutputStream gzip;

            Compressor() {
                try {
                    gzip = new GZIPOutputStream(out, 64 * 1024, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            byte[] next(boolean last) {
                return write(ZEROS, last);
            }

            byte[] write(byte[] data, boolean last) {
                try {
                    gzip.write(data);
                    if (last) {
                        gzip.finish();
                    } else {
                        gzip.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                byte[] piece = out.toByteArray();
                out.reset();
                return piece;
            }
        }
    }
}
