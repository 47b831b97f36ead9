package dev.cartage.pile;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pile, the built-in demo origin.
 *
 * @param baseUrl    where clients and the fetch stage reach the pile, an absolute http(s) URL such as
 *                   {@code https://cartage.example.org} (a path is kept as a prefix before {@code /pile});
 *                   default: none, which means the service's own local address {@code http://127.0.0.1:{port}}
 * @param maxCount   the largest page count a pile source, listing, sitemap or feed may ask for, in pages;
 *                   default 100000; 0 allows only empty piles
 * @param maxLatency the longest latency a pile URL may ask for; default 60s; 0 allows no latency at all
 */
@Validated
@ConfigurationProperties("cartage.pile")
public record PileProperties(
        URI baseUrl,
        @DefaultValue("100000") @PositiveOrZero int maxCount,
        @DefaultValue("60s") @NotNull @DurationMin(nanos = 0) Duration maxLatency) {

    public PileProperties {
        baseUrl = baseUrl == null ? null : withoutTrailingSlash(baseUrl);
    }

    private static URI withoutTrailingSlash(URI url) {
        boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
        if (!web || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("cartage.pile.base-url must be an absolute http(s) URL without "
                    + "query or fragment, such as https://cartage.example.org, was " + url);
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }
}
