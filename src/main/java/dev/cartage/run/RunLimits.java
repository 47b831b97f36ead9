package dev.cartage.run;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.cartage.source.SourceLimits;

/**
 * What one run request may ask for; a value outside is a 400 naming the field, before any work starts.
 * The request body itself is capped by {@code spring.http.codecs.max-in-memory-size} (4MB; larger → 413), and a pile's
 * size by {@code cartage.pile.max-count}.
 *
 * @param maxSources        entries in {@code sources} of one request. Default 1000
 * @param maxParallelism    the largest {@code parallelism} of a stage. Default 1024
 * @param maxBuffer         the largest {@code buffer} of a stage. Default 65536
 * @param maxRetries        the largest {@code retries} of a stage. Default 10
 * @param maxTimeout        the longest {@code timeout} of a stage. Default 10m
 * @param maxExpansion      the largest {@code limit} of a sitemap or feed source, and its default when the source
 *                          gives none: items one such entry expands to at most. Default 50000
 * @param maxInlineSize     the largest {@code inline} document, counted in UTF-8 bytes. Default 2MB
 * @param maxMirrors        the most {@code mirrors} one url object may list besides its {@code url}. Default 16
 * @param maxSitemapDepth   levels of sitemap indexes followed below the sitemap a request names; 0 follows no
 *                          index at all. A sitemap deeper down fails as one item. Default 3
 * @param maxLineSize       the longest line of an NDJSON body on {@code /api/pipeline}; a longer line ends the
 *                          body there and is reported as one failed item. Default 4MB
 * @param expansionTimeout  how long fetching one sitemap or feed document may take before it fails as one item
 *                          with {@code timeout}. Default 30s
 */
@Validated
@ConfigurationProperties("cartage.limits")
public record RunLimits(
        @DefaultValue("1000") @Min(1) int maxSources,
        @DefaultValue("1024") @Min(1) @Max(1_000_000) int maxParallelism,
        @DefaultValue("65536") @Min(0) @Max(10_000_000) int maxBuffer,
        @DefaultValue("10") @Min(0) int maxRetries,
        @DefaultValue("10m") @NotNull Duration maxTimeout,
        @DefaultValue("50000") @Min(1) int maxExpansion,
        @DefaultValue("2MB") @NotNull DataSize maxInlineSize,
        @DefaultValue("16") @Min(1) @Max(1024) int maxMirrors,
        @DefaultValue("3") @Min(0) @Max(10) int maxSitemapDepth,
        @DefaultValue("30s") @NotNull Duration expansionTimeout,
        @DefaultValue("4MB") @NotNull DataSize maxLineSize) {

    /** The limits the source package checks entries and expands them against. */
    public SourceLimits sources() {
        return new SourceLimits(maxExpansion, maxInlineSize.toBytes(), maxMirrors, maxSitemapDepth, expansionTimeout);
    }
}
