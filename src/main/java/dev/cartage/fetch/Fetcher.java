package dev.cartage.fetch;

import java.net.URI;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.fetch.polite.Politeness;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;

/**
 * Fetches one URL without blocking: the fetch stage's work for one item.
 *
 * <p>Each hop — the first request and every redirect — goes through the same three steps, in this order:
 * <ol>
 *   <li>{@link TargetGuard}: is this URL allowed at all (scheme, port, host form, allow rules, path)? A refusal
 *       fails the item with {@code blocked} (or {@code invalid-url}) before any connection. The guard also sits
 *       in the connection itself and checks the <em>resolved</em> address of every connection it opens.</li>
 *   <li>{@link Politeness}: robots.txt, the per-host concurrency cap and delay.</li>
 *   <li>{@link OriginExchange}: one HTTP request, read into a page or a redirect.</li>
 * </ol>
 * Redirects are followed here rather than by Reactor Netty so that every hop is re-checked with its full URL
 * (the guard's path rules need the path, which the connection does not see).
 */
@Component
public class Fetcher {

    private final FetchProperties properties;
    private final TargetGuard guard;
    private final Politeness politeness;
    private final OriginExchange exchange;

    public Fetcher(FetchProperties properties, TargetGuard guard, Politeness politeness, OriginExchange exchange) {
        this.properties = properties;
        this.guard = guard;
        this.politeness = politeness;
        this.exchange = exchange;
    }

    /** GETs {@code url}; completes with the body of a 2xx answer or fails with a typed {@link ItemException}. */
    public Mono<Fetched> fetch(URI url) {
        return Mono.defer(() -> hop(url, 0));
    }

    private Mono<Fetched> hop(URI target, int redirects) {
        ItemException refused = guard.refuse(target);
        if (refused != null) {
            return Mono.error(refused);
        }
        return politeness.around(target, exchange.get(target))
                .flatMap(answer -> {
                    if (answer.redirect() == null) {
                        return Mono.just(answer.page());
                    }
                    if (redirects >= properties.maxRedirects()) {
                        return Mono.error(new ItemException(FailureType.HTTP_STATUS, "stopped after "
                                + properties.maxRedirects() + " redirects at " + target + " (cartage.fetch.max-redirects)",
                                answer.status(), false, null));
                    }
                    return hop(answer.redirect(), redirects + 1);
                });
    }
}
