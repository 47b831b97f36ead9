package dev.cartage.fetch.mirror;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.cartage.fetch.Fetched;
import reactor.core.publisher.Mono;

/**
 * Fetches one mirrored item: the same content at several addresses, chosen among by a {@link Balance}.
 *
 * <ul>
 *   <li>{@code first-response}: {@link FirstResponse} — ask all (or hedge), keep the first good answer, cancel
 *       the rest; fails only when every mirror failed.</li>
 *   <li>{@code least-loaded}: one request, to the origin with the fewest requests pending among the items of the
 *       run that share this item's origins ({@link LoadHeap}).</li>
 *   <li>{@code round-robin}: one request, to the next origin in turn among those items.</li>
 * </ul>
 * The balanced modes do not fail over: a failed request fails the attempt, and the fetch stage's retries (for
 * retryable failures) ask again, which picks again. Several addresses on one origin count as one mirror for
 * balancing (the first of them is used); first-response asks every address.
 *
 * <p>Each single-address request is {@code attempt} — in the service {@code Fetcher::fetch}, so the guard,
 * politeness, redirects and the body cap apply to every mirror — counted on the run's {@link MirrorBoard}.
 */
public final class MirrorFetcher {

    private final Function<URI, Mono<Fetched>> attempt;

    /** @param attempt fetches one address; normally {@code fetcher::fetch} */
    public MirrorFetcher(Function<URI, Mono<Fetched>> attempt) {
        this.attempt = attempt;
    }

    /**
     * The content of a mirrored item, fetched lazily (nothing is asked before subscription) and afresh on each
     * subscription.
     *
     * @param urls       the addresses, the request's {@code url} first
     * @param hedgeAfter only for {@code first-response}: see {@link FirstResponse}; null asks all at once
     * @param board      the run's mirror state
     */
    public Mono<Fetched> fetch(List<URI> urls, Balance balance, Duration hedgeAfter, MirrorBoard board) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("a mirrored item needs at least one address");
        }
        switch (balance) {
            case LEAST_LOADED:
                return leastLoaded(OriginSet.of(urls), board);
            case ROUND_ROBIN:
                return roundRobin(OriginSet.of(urls), board);
            default:
                return FirstResponse.race(urls, hedgeAfter, url -> counted(url, board));
        }
    }

    private Mono<Fetched> leastLoaded(OriginSet origins, MirrorBoard board) {
        return Mono.defer(() -> {
            LoadHeap load = board.group(origins).load();
            int mirror = load.dispatch();
            return board.track(origins.origin(mirror), Mono.defer(() -> attempt.apply(origins.url(mirror))),
                    () -> load.complete(mirror));
        });
    }

    private Mono<Fetched> roundRobin(OriginSet origins, MirrorBoard board) {
        return Mono.defer(() -> {
            int mirror = board.group(origins).nextTurn();
            return board.track(origins.origin(mirror), Mono.defer(() -> attempt.apply(origins.url(mirror))),
                    () -> { });
        });
    }

    private Mono<Fetched> counted(URI url, MirrorBoard board) {
        return board.track(OriginSet.origin(url), Mono.defer(() -> attempt.apply(url)), () -> { });
    }
}
