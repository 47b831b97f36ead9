package dev.cartage.fetch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The fetch stage's memory of pages it has fetched, used for conditional GET: a page that came with an
 * {@code ETag} or {@code Last-Modified} is kept, and fetching it again asks the origin whether it changed.
 *
 * @param enabled whether pages are kept and revalidated. Default true
 * @param maxSize the most body bytes kept across all pages; the least used pages are forgotten first, and a page
 *                larger than this is never kept. Default 64MB
 * @param ttl     how long a page is kept after it was fetched or last confirmed unchanged. Default 1h
 */
@Validated
@ConfigurationProperties("cartage.fetch.cache")
public record FetchCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("64MB") @NotNull DataSize maxSize,
        @DefaultValue("1h") @NotNull @DurationMin(millis = 1) Duration ttl) {

    public static FetchCacheProperties defaults() {
        return new FetchCacheProperties(true, DataSize.ofMegabytes(64), Duration.ofHours(1));
    }
}
