package dev.cartage.deliver;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the {@code webhook} sink POSTs outcomes. All of one outcome's attempts and waits run inside the deliver
 * stage's own timeout ({@code cartage.stages.deliver.timeout}, per item), which must therefore cover
 * {@code (retries + 1) × timeout} plus the backoffs; the shipped 60s covers the defaults here (at most about
 * 42s, or 57s if the receiver asks for the longest {@code Retry-After} each time).
 *
 * @param retries        extra attempts after a 5xx, a 429, a timeout or a connection error; never after another
 *                       4xx. Default 3; 0 tries once
 * @param backoff        the wait before the first retry; each later one doubles, with up to 50% jitter (never below
 *                       this first wait). Default 200ms
 * @param maxBackoff     the longest wait between two attempts, also the cap on a receiver's {@code Retry-After}.
 *                       Default 5s
 * @param timeout        one attempt, from asking for a connection to the end of the answer. Default 10s
 * @param maxConnections connections to all webhook receivers together (pool {@code cartage-webhook}). Default 64
 */
@Validated
@ConfigurationProperties("cartage.deliver.webhook")
public record WebhookProperties(
        @DefaultValue("3") @Min(0) @Max(10) int retries,
        @DefaultValue("200ms") @NotNull @DurationMin(millis = 1) Duration backoff,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration maxBackoff,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration timeout,
        @DefaultValue("64") @Min(1) @Max(10_000) int maxConnections) {

    public WebhookProperties {
        if (backoff != null && maxBackoff != null && maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("cartage.deliver.webhook.max-backoff (" + maxBackoff
                    + ") must not be shorter than cartage.deliver.webhook.backoff (" + backoff + ")");
        }
    }

    /** The defaults. */
    public static WebhookProperties defaults() {
        return new WebhookProperties(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(10), 64);
    }
}
