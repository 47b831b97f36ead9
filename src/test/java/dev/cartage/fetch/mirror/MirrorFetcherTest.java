package dev.cartage.fetch.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.TestFetchers;
import dev.cartage.fetch.mirror.LocalMirror.Behaviour;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * Mirrored fetches through the real {@code Fetcher} against local origins: the losers of a first-response race see
 * their connection closed, hedging asks the next mirror only when it must, and each origin counts what it got.
 */
class MirrorFetcherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static TestFetchers.Built built;
    private static MirrorFetcher fetcher;

    private final List<LocalMirror> started = new java.util.ArrayList<>();
    private final MirrorBoard board = new MirrorBoard();

    @BeforeAll
    static void createFetcher() {
        built = TestFetchers.create(new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2), DataSize.ofKilobytes(64), 3, 20));
        fetcher = new MirrorFetcher(built.fetcher()::fetch);
    }

    @AfterAll
    static void closeFetcher() {
        built.close();
    }

    @AfterEach
    void stopMirrors() {
        started.forEach(LocalMirror::close);
    }

    @Test
    void firstResponseKeepsTheFastAnswerAndTheSlowMirrorSeesItsConnectionClosed() {
        LocalMirror slow = mirror(Behaviour.HANG);
        LocalMirror fast = mirror(Behaviour.ANSWER);

        StepVerifier.create(fetcher.fetch(List.of(slow.page(1), fast.page(1)), Balance.FIRST_RESPONSE, null, board))
                .assertNext(page -> assertThat(body(page)).contains("Served by " + fast.origin()))
                .expectComplete()
                .verify(PATIENCE);

        assertThat(slow.requests()).isEqualTo(1);
        await().atMost(PATIENCE).until(slow::closedWhileHanging, n -> n == 1);
        assertThat(board.snapshot()).contains(
                new MirrorSnapshot(slow.origin(), 0, 0, 0, 1),
                new MirrorSnapshot(fast.origin(), 0, 1, 0, 0));
    }

    @Test
    void withHedgingAQuickFirstMirrorMeansTheSecondIsNeverAsked() {
        LocalMirror first = mirror(Behaviour.ANSWER);
        LocalMirror second = mirror(Behaviour.ANSWER);

        StepVerifier.create(Flux.range(0, 5).concatMap(n -> fetcher.fetch(List.of(first.page(n), second.page(n)),
                        Balance.FIRST_RESPONSE, Duration.ofSeconds(10), board)))
                .expectNextCount(5)
                .expectComplete()
                .verify(PATIENCE);

        assertThat(first.requests()).isEqualTo(5);
        assertThat(second.requests()).isZero();
        assertThat(board.snapshot()).extracting(MirrorSnapshot::origin).containsExactly(first.origin());
    }

    @Test
    void withHedgingASilentFirstMirrorGetsCompanyAfterTheDelayAndIsThenCancelled() {
        LocalMirror silent = mirror(Behaviour.HANG);
        LocalMirror second = mirror(Behaviour.ANSWER);

        StepVerifier.create(fetcher.fetch(List.of(silent.page(3), second.page(3)), Balance.FIRST_RESPONSE,
                        Duration.ofMillis(200), board))
                .assertNext(page -> assertThat(page.url()).isEqualTo(second.page(3)))
                .expectComplete()
                .verify(PATIENCE);

        assertThat(silent.requests()).isEqualTo(1);
        assertThat(second.requests()).isEqualTo(1);
        await().atMost(PATIENCE).until(silent::closedWhileHanging, n -> n == 1);
    }

    @Test
    void withHedgingAFailingFirstMirrorHandsOverAtOnceWithoutWaitingForTheDelay() {
        LocalMirror failing = mirror(Behaviour.UNAVAILABLE);
        LocalMirror second = mirror(Behaviour.ANSWER);

        // a one-hour hedge: the answer can only arrive within the verification's patience if the failure handed over
        StepVerifier.create(fetcher.fetch(List.of(failing.page(4), second.page(4)), Balance.FIRST_RESPONSE,
                        Duration.ofHours(1), board))
                .assertNext(page -> assertThat(page.url()).isEqualTo(second.page(4)))
                .expectComplete()
                .verify(PATIENCE);

        assertThat(board.snapshot()).contains(new MirrorSnapshot(failing.origin(), 0, 0, 1, 0));
    }

    @Test
    void whenEveryMirrorFailsTheItemFailsWithTheOriginsAnswerAndIsRetryableBecauseOfTheUnreachableOne() {
        LocalMirror missing = mirror(Behaviour.NOT_FOUND);
        URI unreachable = closedPort();

        StepVerifier.create(fetcher.fetch(List.of(unreachable, missing.page(5)), Balance.FIRST_RESPONSE, null, board))
                .expectErrorSatisfies(error -> {
                    ItemException failure = (ItemException) error;
                    assertThat(failure.type()).isEqualTo(FailureType.HTTP_STATUS);
                    assertThat(failure.httpStatus()).isEqualTo(404);
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).contains("all 2 mirrors failed", unreachable.toString());
                })
                .verify(PATIENCE);
    }

    @Test
    void roundRobinSendsEachOriginItsShareAsTheOriginsCountThem() {
        LocalMirror a = mirror(Behaviour.ANSWER);
        LocalMirror b = mirror(Behaviour.ANSWER);
        LocalMirror c = mirror(Behaviour.ANSWER);

        StepVerifier.create(Flux.range(0, 9).flatMap(n -> fetcher.fetch(List.of(a.page(n), b.page(n), c.page(n)),
                        Balance.ROUND_ROBIN, null, board), 2))
                .expectNextCount(9)
                .expectComplete()
                .verify(PATIENCE);

        assertThat(List.of(a.requests(), b.requests(), c.requests())).containsExactly(3, 3, 3);
    }

    private LocalMirror mirror(Behaviour behaviour) {
        LocalMirror mirror = LocalMirror.start(behaviour);
        started.add(mirror);
        return mirror;
    }

    private static URI closedPort() {
        DisposableServer closed = HttpServer.create().host("127.0.0.1").port(0).bindNow();
        int port = closed.port();
        closed.disposeNow();
        return URI.create("http://127.0.0.1:" + port + "/page/5");
    }

    private static String body(dev.cartage.fetch.Fetched page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }
}
