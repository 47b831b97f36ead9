package dev.cartage.marshal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Per-item caps of the marshal stage, so that one document cannot stall the stage or bloat memory.
 *
 * @param maxSize      the largest document marshaled, in bytes as fetched (or given inline); a larger one fails
 *                     with {@code too-large}. Default 10MB, the fetch stage's {@code max-body-size}; at least 1 byte
 *                     and below 2GB. There is no "unlimited"
 * @param maxParseTime how long marshaling one document may take, parsing and extraction together; a document
 *                     that takes longer fails with {@code too-large} ("too complex"). Default 2s; at least 1ms
 */
@Validated
@ConfigurationProperties("cartage.marshal")
public record MarshalProperties(
        @DefaultValue("10MB") @NotNull DataSize maxSize,
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration maxParseTime) {

    public MarshalProperties {
        if (maxSize != null && (maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("cartage.marshal.max-size must be 1B to 2GB, was " + maxSize);
        }
    }

    /** {@link #maxSize()} in bytes. */
    public int maxBytes() {
        return (int) maxSize.toBytes();
    }
}
