package dev.cartage.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.cartage.fetch.guard.BlockedAddressException;
import dev.cartage.fetch.polite.PolitenessProperties;
import dev.cartage.fetch.polite.RetryAfter;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;

/**
 * One HTTP GET to an origin, read into an {@link OriginAnswer}: the body of a 2xx answer (capped after
 * decompression), the target of a redirect, or a typed failure — {@code http-status} (retryable for 429, 502,
 * 503, 504), {@code connection} (retryable), {@code too-large}.
 *
 * <p>Conditional GET: a page kept by the {@link ConditionalCache} is asked for with {@code If-None-Match} /
 * {@code If-Modified-Since}; a {@code 304} answer yields the kept page (its original status, usually 200, in
 * {@link Fetched}; the answer's own status is 304). A 429 or 503 with {@code Retry-After} fails with that delay
 * attached, so the stage's next attempt waits for it; one longer than {@code max-retry-after} fails for good.
 */
@Component
public class OriginExchange {

    private final WebClient client;
    private final ConditionalCache cache;
    private final Duration maxRetryAfter;
    private final Clock clock;

    /** An exchange without conditional GET and with the default {@code Retry-After} cap, for tests. */
    public OriginExchange(FetchProperties properties, FetchConnections connections) {
        this(properties, connections, ConditionalCache.disabled(), PolitenessProperties.defaults(), Clock.systemUTC());
    }

    @Autowired
    public OriginExchange(FetchProperties properties, FetchConnections connections, ConditionalCache cache,
                          PolitenessProperties politeness) {
        this(properties, connections, cache, politeness, Clock.systemUTC());
    }

    public OriginExchange(FetchProperties properties, FetchConnections connections, ConditionalCache cache,
                          PolitenessProperties politeness, Clock clock) {
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(connections.client()))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes()))
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .defaultHeader(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .build();
        this.cache = cache;
        this.maxRetryAfter = politeness.maxRetryAfter();
        this.clock = clock;
    }

    /** One GET of {@code url}, not following redirects. */
    public Mono<OriginAnswer> get(URI url) {
        return Mono.defer(() -> {
                    ConditionalCache.Stored kept = cache.lookup(url);
                    return client.get().uri(url)
                            .headers(headers -> {
                                if (kept != null) {
                                    kept.addConditions(headers);
                                }
                            })
                            .exchangeToMono(response -> read(url, response, kept));
                })
                .onErrorMap(error -> !(error instanceof ItemException), error -> classify(url, error));
    }

    private Mono<OriginAnswer> read(URI url, ClientResponse response, ConditionalCache.Stored kept) {
        HttpStatusCode status = response.statusCode();
        if (status.value() == HttpStatus.NOT_MODIFIED.value() && kept != null) {
            return response.releaseBody().thenReturn(new OriginAnswer(cache.confirmed(url, kept), null, 304));
        }
        if (status.is3xxRedirection() && response.headers().asHttpHeaders().getLocation() != null) {
            URI location = url.resolve(response.headers().asHttpHeaders().getLocation());
            return response.releaseBody().thenReturn(OriginAnswer.redirect(location, status.value()));
        }
        if (!status.is2xxSuccessful()) {
            return response.releaseBody().then(Mono.error(statusFailure(url, response)));
        }
        String contentType = response.headers().contentType().map(Object::toString).orElse(null);
        return response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(body -> new Fetched(url, status.value(), contentType, body))
                .doOnNext(page -> cache.store(url, page, response.headers().asHttpHeaders(), kept))
                .map(OriginAnswer::page);
    }

    private ItemException statusFailure(URI url, ClientResponse response) {
        int status = response.statusCode().value();
        boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock.instant())
                : null;
        if (retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0) {
            return new ItemException(FailureType.HTTP_STATUS, "the origin answered " + status + " for " + url
                    + " and asked to wait " + retryAfter.toSeconds() + "s before trying again, longer than "
                    + "cartage.fetch.politeness.max-retry-after (" + maxRetryAfter.toSeconds() + "s) allows",
                    status, false, null);
        }
        return new ItemException(FailureType.HTTP_STATUS, "the origin answered " + status + " for " + url, status,
                retryable, null, retryAfter);
    }

    /**
     * Types what went wrong below the HTTP exchange: a connection the guard refused is {@code blocked} (final);
     * a body over the cap {@code too-large}; a connect or response timeout {@code timeout} and any other I/O
     * failure {@code connection} (both retryable). Anything else is left alone and becomes {@code internal}.
     */
    private static Throwable classify(URI url, Throwable error) {
        if (error instanceof DataBufferLimitException) {
            return new ItemException(FailureType.TOO_LARGE, "the body of " + url + " is larger than the fetch limit "
                    + "(cartage.fetch.max-body-size)");
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BlockedAddressException blocked) {
                return new ItemException(FailureType.BLOCKED, "did not fetch " + url + ": " + blocked.getMessage(),
                        null, false, null);
            }
            if (cause instanceof ReadTimeoutException) {
                return new ItemException(FailureType.TIMEOUT, "no response from " + url + " within "
                        + "cartage.fetch.response-timeout", null, true, error);
            }
            if (cause instanceof ConnectTimeoutException) {
                return new ItemException(FailureType.TIMEOUT, "could not connect to " + url + " within "
                        + "cartage.fetch.connect-timeout", null, true, error);
            }
        }
        if (error instanceof WebClientRequestException || error.getCause() instanceof java.io.IOException) {
            String reason = error.getCause() != null ? error.getCause().getMessage() : error.getMessage();
            return new ItemException(FailureType.CONNECTION, "could not reach " + url + ": " + reason, null, true, error);
        }
        return error;
    }
}
