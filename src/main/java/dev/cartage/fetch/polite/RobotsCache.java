package dev.cartage.fetch.polite;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * The robots.txt rules of the origins being fetched, one fetch per origin however many items ask at once.
 *
 * <p>Each origin maps to one cached {@link Mono}: the first item to ask starts the fetch, items asking
 * meanwhile wait for the same answer, later ones get it at once. The answer is kept for {@code ttl}, or for
 * {@code error-ttl} when robots.txt could not be read, after which the next item fetches it again. The map
 * holds at most {@code max-entries} origins (Caffeine, least used first out) and forgets an origin {@code ttl}
 * after its first fetch. The shared fetch runs to its end (bounded by its own timeout) even if the items that
 * wait for it are cancelled: its answer serves the items that come next.
 */
final class RobotsCache {

    private final Cache<String, Mono<OriginRules>> origins;
    private final RobotsFetch fetch;
    private final Duration ttl;
    private final Duration errorTtl;

    RobotsCache(PolitenessProperties.Robots settings, RobotsFetch fetch) {
        this.origins = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfterWrite(settings.ttl())
                .build();
        this.fetch = fetch;
        this.ttl = settings.ttl();
        this.errorTtl = settings.errorTtl();
    }

    /** The rules for {@code target}'s origin. */
    Mono<OriginRules> rulesFor(URI target) {
        URI origin = originOf(target);
        return origins.get(origin.toString(), key -> fetch.rulesOf(origin)
                .cache(rules -> rules.temporary() ? errorTtl : ttl, error -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** {@code scheme://host:port} of {@code target}, lower-cased, with the port always written. */
    static URI originOf(URI target) {
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        int port = target.getPort() != -1 ? target.getPort() : scheme.equals("https") ? 443 : 80;
        try {
            return new URI(scheme, null, target.getHost().toLowerCase(Locale.ROOT), port, null, null, null);
        } catch (URISyntaxException impossible) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + target, impossible);
        }
    }
}
