package dev.cartage.fetch.polite;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3): either delta-seconds ({@code 120}) or an
 * HTTP-date ({@code Wed, 21 Oct 2015 07:28:00 GMT}).
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The wait {@code value} asks for, counted from {@code now}; zero for a date already past; null when the
     * header is absent or unreadable, so that the caller falls back to its own backoff.
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return text.length() > 12 ? null : Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
