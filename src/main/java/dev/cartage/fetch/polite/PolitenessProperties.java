package dev.cartage.fetch.polite;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the fetch stage behaves towards the origins it visits. The built-in pile is exempt from all of it.
 *
 * @param hostConcurrency requests in flight at once to one host, whatever the stage's parallelism; further
 *                        requests wait for a permit, first come first served. Default 2
 * @param hostDelay       the least time between the starts of two requests to one host; 0 means none. A
 *                        robots.txt {@code Crawl-delay} raises it for that host. Default 0
 * @param maxCrawlDelay   the most a robots.txt {@code Crawl-delay} may space requests, so that a hostile
 *                        robots.txt cannot park a run; larger values are lowered to this. Default 30s
 * @param maxRetryAfter   the longest {@code Retry-After} (on 429 or 503) the fetch stage waits for before trying
 *                        again; a longer one fails the item at once. Default 60s
 * @param robots          robots.txt handling
 */
@Validated
@ConfigurationProperties("cartage.fetch.politeness")
public record PolitenessProperties(
        @DefaultValue("2") @Min(1) @Max(1024) int hostConcurrency,
        @DefaultValue("0s") @NotNull @DurationMin(nanos = 0) Duration hostDelay,
        @DefaultValue("30s") @NotNull @DurationMin(nanos = 0) Duration maxCrawlDelay,
        @DefaultValue("60s") @NotNull @DurationMin(nanos = 0) Duration maxRetryAfter,
        @DefaultValue @NotNull @Valid Robots robots) {

    /** The defaults, as a run without any {@code cartage.fetch.politeness} setting gets them. */
    public static PolitenessProperties defaults() {
        return new PolitenessProperties(2, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60),
                Robots.defaults());
    }

    /**
     * robots.txt handling (RFC 9309).
     *
     * @param enabled    whether robots.txt is fetched and obeyed; false obeys nothing (and no Crawl-delay).
     *                   Default true
     * @param ttl        how long the rules of one origin are kept: a fetched robots.txt, or none found (4xx).
     *                   Default 1h
     * @param errorTtl   how long a robots.txt that could not be read (5xx, 429, timeout, no connection) keeps
     *                   its origin closed before it is asked for again. Default 1m
     * @param timeout    how long fetching one robots.txt may take, redirects included; longer counts as
     *                   unreachable. Default 10s
     * @param maxSize    how much of a robots.txt is read; the rest is ignored (RFC 9309 asks for at least
     *                   500 KiB). Default 500KB
     * @param maxEntries origins whose rules are kept at once; the least used are forgotten first. Default 10000
     */
    public record Robots(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1h") @NotNull @DurationMin(nanos = 0) Duration ttl,
            @DefaultValue("1m") @NotNull @DurationMin(nanos = 0) Duration errorTtl,
            @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration timeout,
            @DefaultValue("500KB") @NotNull DataSize maxSize,
            @DefaultValue("10000") @Min(1) int maxEntries) {

        public static Robots defaults() {
            return new Robots(true, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(10),
                    DataSize.ofKilobytes(500), 10_000);
        }
    }
}
