package dev.cartage.fetch.mirror;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of mirrored sources.
 *
 * @param taggedOrigins how many mirror origins get their own {@code origin} tag on the
 *                      {@code cartage.fetch.mirror.*} metrics, first come first served over the life of the
 *                      service; requests to any further origin are counted under {@code origin="other"}. Origins
 *                      come from users' requests, so without a cap every new mirror would add time series forever.
 *                      0 counts every origin as {@code other}. Default 32
 */
@Validated
@ConfigurationProperties("cartage.fetch.mirror")
public record MirrorProperties(@DefaultValue("32") @Min(0) @Max(1024) int taggedOrigins) {
}
