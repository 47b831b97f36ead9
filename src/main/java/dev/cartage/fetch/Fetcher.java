package dev.cartage.fetch;

import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import jakarta.annotation.PreDestroy;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Fetches one URL without blocking, on Reactor Netty: follows a bounded number of redirects, accepts gzip, caps
 * the body after decompression, and turns every failure into an {@link ItemException} typed for the API:
 * {@code http-status} (retryable for 429, 502, 503, 504), {@code connection} (retryable), {@code too-large}.
 *
 * <p>This first version refuses anything but http and https; the SSRF guard on resolved addresses comes with the
 * fetch-for-real work and will sit in this class's client.
 */
@Component
public class Fetcher {

    private final WebClient client;
    private final ConnectionProvider connections;

    public Fetcher(FetchProperties properties) {
        this.connections = ConnectionProvider.builder("cartage-fetch")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        HttpClient http = HttpClient.create(connections)
                .compress(true)
                .followRedirect((request, response) -> response.status().code() / 100 == 3
                        && request.redirectedFrom().length < properties.maxRedirects())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis());
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes()))
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .defaultHeader(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .build();
    }

    /** GETs {@code url}; completes with the body of a 2xx answer or fails with a typed {@link ItemException}. */
    public Mono<Fetched> fetch(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Mono.error(new ItemException(FailureType.INVALID_URL, "only http and https URLs can be fetched: " + url));
        }
        return client.get().uri(url)
                .exchangeToMono(response -> read(url, response))
                .onErrorMap(error -> !(error instanceof ItemException), error -> classify(url, error));
    }

    /** Closes the pooled connections when the service stops. */
    @PreDestroy
    public void close() {
        connections.dispose();
    }

    private static Mono<Fetched> read(URI url, ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (!status.is2xxSuccessful()) {
            return response.releaseBody().then(Mono.error(statusFailure(url, status.value())));
        }
        String contentType = response.headers().contentType().map(Object::toString).orElse(null);
        return response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(body -> new Fetched(url, status.value(), contentType, body));
    }

    private static ItemException statusFailure(URI url, int status) {
        boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
        return new ItemException(FailureType.HTTP_STATUS, "the origin answered " + status + " for " + url, status,
                retryable, null);
    }

    private static Throwable classify(URI url, Throwable error) {
        if (error instanceof DataBufferLimitException) {
            return new ItemException(FailureType.TOO_LARGE, "the body of " + url + " is larger than the fetch limit "
                    + "(cartage.fetch.max-body-size)");
        }
        if (error instanceof WebClientRequestException || error.getCause() instanceof java.io.IOException
                || error instanceof ReadTimeoutException) {
            String reason = error.getCause() != null ? error.getCause().getMessage() : error.getMessage();
            return new ItemException(FailureType.CONNECTION, "could not reach " + url + ": " + reason, null, true, error);
        }
        return error;
    }
}
