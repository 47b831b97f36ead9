package dev.cartage.run;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one run request may ask for; a value outside is a 400 naming the field, before any work starts.
 * The request body itself is capped by {@code spring.codec.max-in-memory-size} (4MB; larger → 413), and a pile's
 * size by {@code cartage.pile.max-count}.
 *
 * @param maxSources     entries in {@code sources} of one request. Default 1000
 * @param maxParallelism the largest {@code parallelism} of a stage. Default 1024
 * @param maxBuffer      the largest {@code buffer} of a stage. Default 65536
 * @param maxRetries     the largest {@code retries} of a stage. Default 10
 * @param maxTimeout     the longest {@code timeout} of a stage. Default 10m
 */
@Validated
@ConfigurationProperties("cartage.limits")
public record RunLimits(
        @DefaultValue("1000") @Min(1) int maxSources,
        @DefaultValue("1024") @Min(1) @Max(1_000_000) int maxParallelism,
        @DefaultValue("65536") @Min(0) @Max(10_000_000) int maxBuffer,
        @DefaultValue("10") @Min(0) int maxRetries,
        @DefaultValue("10m") @NotNull Duration maxTimeout) {
}
