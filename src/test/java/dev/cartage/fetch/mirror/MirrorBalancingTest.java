package dev.cartage.fetch.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cartage.fetch.Fetched;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Least-loaded and round-robin over fake mirrors on virtual time: where requests go, and that the run's board
 * counts every request exactly once, however it ends.
 */
class MirrorBalancingTest {

    private static final int ITEMS = 60;
    private static final int PARALLELISM = 6;

    @BeforeAll
    static void boundTheWait() {
        StepVerifier.setDefaultTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void restoreTheWait() {
        StepVerifier.resetDefaultTimeout();
    }

    @Test
    void leastLoadedSteersAwayFromAMirrorThatHoldsItsRequests() {
        // the slow mirror answers nothing until the fast ones have served every other item
        Sinks.Empty<Void> slowGate = Sinks.empty();
        MirrorFetcher fetcher = new MirrorFetcher(url -> url.getHost().equals("slow.test")
                ? slowGate.asMono().then(Mono.fromSupplier(() -> page(url)))
                : Mono.delay(Duration.ofMillis(20)).map(tick -> page(url)));
        MirrorBoard board = new MirrorBoard();

        StepVerifier.withVirtualTime(() -> items(fetcher, board, Balance.LEAST_LOADED, i -> threeMirrors(i, "slow.test")))
                .thenAwait(Duration.ofHours(1))
                .then(() -> assertThat(counts(board).get("http://slow.test:80").pending())
                        .isEqualTo(requests(counts(board).get("http://slow.test:80"))))
                .then(slowGate::tryEmitEmpty)
                .expectNextCount(ITEMS)
                .verifyComplete();

        // Sending to the slow mirror needs each fast one to have at least as many pending as it has: with s held
        // there, 3s < parallelism, so it can hold at most 2 of the 60 (round-robin would send it 20).
        Map<String, MirrorSnapshot> counts = counts(board);
        assertThat(requests(counts.get("http://slow.test:80"))).isBetween(1L, 2L);
        assertThat(requests(counts.get("http://a.test:80")) + requests(counts.get("http://b.test:80")))
                .isEqualTo(ITEMS - requests(counts.get("http://slow.test:80")));
        assertThat(counts.values()).allSatisfy(mirror -> {
            assertThat(mirror.pending()).isZero();
            assertThat(mirror.failed() + mirror.cancelled()).isZero();
        });
        assertThat(board.group(OriginSet.of(threeMirrors(0, "slow.test"))).load())
                .satisfies(heap -> {
                    heap.checkInvariants();
                    assertThat(heap.pending(0) + heap.pending(1) + heap.pending(2)).isZero();
                });
    }

    @Test
    void roundRobinSpreadsEvenlyWhateverOrderTheItemsListTheirMirrorsIn() {
        MirrorFetcher fetcher = new MirrorFetcher(url -> Mono.delay(Duration.ofMillis(url.getHost().equals("c.test") ? 200 : 20))
                .map(tick -> page(url)));
        MirrorBoard board = new MirrorBoard();

        StepVerifier.withVirtualTime(() -> items(fetcher, board, Balance.ROUND_ROBIN, i -> rotate(threeMirrors(i, "c.test"), i)))
                .thenAwait(Duration.ofHours(1))
                .expectNextCount(ITEMS)
                .verifyComplete();

        assertThat(counts(board).values()).extracting(MirrorSnapshot::completed).containsExactly(20L, 20L, 20L);
    }

    @Test
    void eachOriginSetIsBalancedOnItsOwn() {
        MirrorFetcher fetcher = new MirrorFetcher(url -> Mono.just(page(url)));
        MirrorBoard board = new MirrorBoard();

        Flux.range(0, 8)
                .concatMap(i -> fetcher.fetch(i % 2 == 0 ? List.of(url("a.test", i), url("b.test", i))
                        : List.of(url("a.test", i), url("c.test", i)), Balance.ROUND_ROBIN, null, board))
                .blockLast(Duration.ofSeconds(10));

        // {a, b} and {a, c} each alternate from their own start: a is first in both, so it gets half of each
        assertThat(counts(board)).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().completed())
                .containsExactly("http://a.test:80=4", "http://b.test:80=2", "http://c.test:80=2");
    }

    @Test
    void aFailedOrCancelledRequestEndsItsPendingCountAndFreesItsPlaceInTheHeap() {
        Sinks.Empty<Void> never = Sinks.empty();
        MirrorFetcher fetcher = new MirrorFetcher(url -> url.getHost().equals("a.test")
                ? Mono.error(new ItemException(FailureType.HTTP_STATUS, "the origin answered 503", 503, true, null))
                : never.asMono().then(Mono.fromSupplier(() -> page(url))));
        MirrorBoard board = new MirrorBoard();
        List<URI> urls = List.of(url("a.test", 0), url("b.test", 0));

        StepVerifier.create(fetcher.fetch(urls, Balance.LEAST_LOADED, null, board))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).httpStatus()).isEqualTo(503))
                .verify();
        Disposable hanging = fetcher.fetch(urls, Balance.LEAST_LOADED, null, board).subscribe();
        assertThat(counts(board).get("http://b.test:80").pending()).isEqualTo(1);
        hanging.dispose();

        assertThat(counts(board).values()).extracting(MirrorSnapshot::origin, MirrorSnapshot::pending,
                        MirrorSnapshot::completed, MirrorSnapshot::failed, MirrorSnapshot::cancelled)
                .containsExactly(
                        tuple("http://a.test:80", 0L, 0L, 1L, 0L),
                        tuple("http://b.test:80", 0L, 0L, 0L, 1L));
        LoadHeap heap = board.group(OriginSet.of(urls)).load();
        heap.checkInvariants();
        assertThat(heap.pending(0) + heap.pending(1)).isZero();
    }

    @Test
    void firstResponseCountsTheLoserAsCancelledAndTheWinnerAsCompleted() {
        MirrorFetcher fetcher = new MirrorFetcher(url -> Mono.delay(Duration.ofSeconds(url.getHost().equals("a.test") ? 5 : 1))
                .map(tick -> page(url)));
        MirrorBoard board = new MirrorBoard();

        StepVerifier.withVirtualTime(() -> fetcher.fetch(List.of(url("a.test", 0), url("b.test", 0)), Balance.FIRST_RESPONSE, null, board))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(page -> assertThat(page.url().getHost()).isEqualTo("b.test"))
                .verifyComplete();

        assertThat(counts(board).get("http://a.test:80")).isEqualTo(new MirrorSnapshot("http://a.test:80", 0, 0, 0, 1));
        assertThat(counts(board).get("http://b.test:80")).isEqualTo(new MirrorSnapshot("http://b.test:80", 0, 1, 0, 0));
    }

    private static Flux<Fetched> items(MirrorFetcher fetcher, MirrorBoard board, Balance balance,
                                       Function<Integer, List<URI>> urls) {
        return Flux.range(0, ITEMS)
                .flatMap(i -> fetcher.fetch(urls.apply(i), balance, null, board), PARALLELISM);
    }

    private static List<URI> threeMirrors(int item, String third) {
        return List.of(url("a.test", item), url("b.test", item), url(third, item));
    }

    private static List<URI> rotate(List<URI> urls, int by) {
        List<URI> rotated = new ArrayList<>(urls);
        java.util.Collections.rotate(rotated, by);
        return rotated;
    }

    private static URI url(String host, int item) {
        return URI.create("http://" + host + "/x" + item);
    }

    private static Fetched page(URI url) {
        return new Fetched(url, 200, "text/html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, MirrorSnapshot> counts(MirrorBoard board) {
        return board.snapshot().stream().collect(Collectors.toMap(MirrorSnapshot::origin, s -> s,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static long requests(MirrorSnapshot mirror) {
        return mirror.pending() + mirror.completed() + mirror.failed() + mirror.cancelled();
    }
}
