package dev.cartage.fetch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the fetch stage talks to origins.
 *
 * @param userAgent      the User-Agent header sent with every request; it names Cartage so that site owners know
 *                       who is calling. Default {@code Cartage/0.1 (+https://cartage.dev)}
 * @param connectTimeout how long to wait for a TCP connection. Default 5s
 * @param maxBodySize    the largest body accepted, counted after decompression; larger bodies fail the item with
 *                       {@code too-large}. Default 10MB
 * @param maxRedirects   redirects followed per request; 0 follows none. Default 5
 * @param maxConnections connections kept open across all origins. Default 500
 */
@Validated
@ConfigurationProperties("cartage.fetch")
public record FetchProperties(
        @DefaultValue("Cartage/0.1 (+https://cartage.dev)") @NotBlank String userAgent,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("10MB") @NotNull DataSize maxBodySize,
        @DefaultValue("5") @Min(0) @Max(20) int maxRedirects,
        @DefaultValue("500") @Min(1) int maxConnections) {
}
