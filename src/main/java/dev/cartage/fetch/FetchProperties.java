package dev.cartage.fetch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the fetch stage talks to origins. The time one attempt may take in all is the fetch stage's {@code timeout}
 * ({@code cartage.stages.fetch.timeout}); the two timeouts here bound its parts.
 *
 * @param userAgent       the User-Agent header sent with every request; it names Cartage so that site owners know
 *                        who is calling. Default {@code Cartage/0.1 (+https://cartage.dev)}
 * @param connectTimeout  how long to wait for a TCP connection. Default 5s; at least 1ms
 * @param maxBodySize     the largest body accepted, counted after decompression; larger bodies fail the item with
 *                        {@code too-large} and are not read further. Default 10MB
 * @param maxRedirects    redirects followed per request; 0 follows none. Default 5
 * @param maxConnections  connections kept open across all origins. Default 500
 * @param responseTimeout how long to wait for the response once the request is sent, and between reads of its
 *                        body (Reactor Netty's {@code responseTimeout}); a slower origin fails the attempt with
 *                        {@code timeout}. Default 10s; at least 1ms
 */
@Validated
@ConfigurationProperties("cartage.fetch")
public record FetchProperties(
        @DefaultValue("Cartage/0.1 (+https://cartage.dev)") @NotBlank String userAgent,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("10MB") @NotNull DataSize maxBodySize,
        @DefaultValue("5") @Min(0) @Max(20) int maxRedirects,
        @DefaultValue("500") @Min(1) int maxConnections,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration responseTimeout) {

    /** The canonical constructor, the one configuration binds. */
    @ConstructorBinding
    public FetchProperties {
    }

    /** The settings with the default response timeout of 10s; for code written before that setting existed. */
    public FetchProperties(String userAgent, Duration connectTimeout, DataSize maxBodySize, int maxRedirects,
                           int maxConnections) {
        this(userAgent, connectTimeout, maxBodySize, maxRedirects, maxConnections, Duration.ofSeconds(10));
    }
}
