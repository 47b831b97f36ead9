package dev.cartage.fetch.polite;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;

import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.fetch.guard.BlockedAddressException;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Fetches and reads one origin's robots.txt through the fetch stage's guarded client (every hop checked by the
 * {@link TargetGuard}, every connection by its address check), following up to 5 redirects and reading at most
 * {@code max-size} bytes. Never fails: every outcome becomes {@link OriginRules}, per RFC 9309, section 2.3.1:
 * <ul>
 *   <li>2xx: the rules it contains for Cartage's product token (or for {@code *});</li>
 *   <li>4xx other than 429, a redirect without a target, more than 5 redirects, or a URL the guard will not
 *       let us read: "unavailable", no restrictions;</li>
 *   <li>5xx, 429, a timeout or no connection: "unreachable", the whole origin disallowed for a while. 429 is
 *       treated like 5xx rather than like the other 4xx: the origin is telling us we call too often, not that
 *       it has no rules, and answering that by crawling without restraint would be the opposite of polite.</li>
 * </ul>
 *
 * <p>Metrics: {@code cartage.fetch.robots.fetches} tagged {@code outcome=parsed|unavailable|unreachable|refused}.
 */
final class RobotsFetch {

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final TargetGuard guard;
    private final String agent;
    private final PolitenessProperties.Robots settings;
    private final MeterRegistry meters;

    RobotsFetch(HttpClient client, TargetGuard guard, String userAgent, PolitenessProperties.Robots settings,
                MeterRegistry meters) {
        this.client = client.headers(headers -> headers
                .set(HttpHeaderNames.USER_AGENT, userAgent)
                .set(HttpHeaderNames.ACCEPT, "text/plain,*/*;q=0.5"));
        this.guard = guard;
        this.agent = productToken(userAgent);
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * The robots.txt product token of {@code userAgent}: its first word up to the version, lower-cased
     * ({@code Cartage/0.1 (+https://cartage.dev)} → {@code cartage}).
     */
    static String productToken(String userAgent) {
        String token = userAgent.trim().split("[/\\s]", 2)[0].replaceAll("[^A-Za-z_-]", "");
        return token.isEmpty() ? "cartage" : token.toLowerCase(Locale.ROOT);
    }

    /** The rules of {@code origin} ({@code scheme://host:port}); completes with a value, never an error. */
    Mono<OriginRules> rulesOf(URI origin) {
        URI robots = origin.resolve("/robots.txt");
        return hop(origin.toString(), robots, 0)
                .timeout(settings.timeout())
                .onErrorResume(error -> Mono.just(failed(origin.toString(), error)))
                .doOnNext(rules -> meters.counter("cartage.fetch.robots.fetches", "outcome", rules.kind().tag()).increment());
    }

    private Mono<OriginRules> hop(String origin, URI url, int redirects) {
        ItemException refused = guard.refuse(url);
        if (refused != null) {
            return Mono.just(OriginRules.unavailable(origin, "the fetch guard does not allow reading " + url));
        }
        return client.get()
                .uri(url)
                .response((response, body) -> reply(url, response, body))
                .single()
                .flatMap(reply -> judge(origin, url, reply, redirects));
    }

    private Mono<Reply> reply(URI url, HttpClientResponse response, ByteBufFlux body) {
        int status = response.status().code();
        if (status >= 200 && status < 300) {
            RobotsBody kept = new RobotsBody((int) settings.maxSize().toBytes());
            String contentType = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
            return body.asByteArray()
                    .takeWhile(kept::add)
                    .then(Mono.fromSupplier(() -> new Reply(status, null, kept.bytes(), contentType)));
        }
        // other bodies are not read: Reactor Netty closes a connection whose body was left unread
        return Mono.just(new Reply(status, location(url, response), null, null));
    }

    private Mono<OriginRules> judge(String origin, URI url, Reply reply, int redirects) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return Mono.just(parse(origin, url, reply));
        }
        if (status >= 300 && status < 400 && reply.location() != null) {
            if (redirects >= MAX_REDIRECTS) {
                return Mono.just(OriginRules.unavailable(origin, "robots.txt redirected more than "
                        + MAX_REDIRECTS + " times"));
            }
            return hop(origin, reply.location(), redirects + 1);
        }
        if (status == 429 || status >= 500 || status < 300) {
            return Mono.just(OriginRules.unreachable(origin, "robots.txt answered " + status));
        }
        return Mono.just(OriginRules.unavailable(origin, "robots.txt answered " + status));
    }

    private OriginRules parse(String origin, URI url, Reply reply) {
        // crawler-commons would disallow everything above its own crawl-delay ceiling; Cartage caps the delay
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        BaseRobotRules rules = parser.parseContent(url.toString(), reply.body(), reply.contentType(), List.of(agent));
        long delayMillis = rules.getCrawlDelay();
        Duration crawlDelay = delayMillis > 0 ? Duration.ofMillis(delayMillis) : Duration.ZERO;
        return OriginRules.parsed(origin, rules, crawlDelay);
    }

    private static OriginRules failed(String origin, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ItemException refusal) {
                return OriginRules.refused(origin, refusal);
            }
            if (cause instanceof BlockedAddressException blocked) { // the connect-time check: blocked, not robots
                return OriginRules.refused(origin, new ItemException(FailureType.BLOCKED,
                        "did not fetch " + origin + ": " + blocked.getMessage()));
            }
        }
        String reason = error instanceof java.util.concurrent.TimeoutException ? "no answer in time"
                : "no connection: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        FailureType as = error instanceof java.util.concurrent.TimeoutException ? FailureType.TIMEOUT : FailureType.CONNECTION;
        return OriginRules.unconnected(origin, reason, as);
    }

    private static URI location(URI url, HttpClientResponse response) {
        String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
        if (location == null) {
            return null;
        }
        try {
            return url.resolve(location.trim());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** One robots.txt answer: its status, where it redirects, and the first bytes of a 2xx body. */
    private record Reply(int status, URI location, byte[] body, String contentType) {
    }
}
