package dev.cartage.pile;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/** Reads and writes the pile's {@code latency} parameter: a duration such as {@code 20ms}, {@code 1s}. */
final class Latency {

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private Latency() {
    }

    /**
     * Parses {@code 250ms}, {@code 1s}, {@code 500us} or ISO-8601 ({@code PT0.25S}); a bare number is in
     * milliseconds; {@code null} or blank is no latency.
     *
     * @throws PileQueryException if the text is not a duration
     */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new PileQueryException("latency", text,
                    "latency '" + text + "' is not a duration: write it like 20ms, 250ms or 1s");
        }
    }

    /**
     * The text of {@code latency} in the largest unit that keeps it exact, which {@link #parse} reads back:
     * {@code 0ms}, {@code 250ms}, {@code 1s}, {@code 1500us}.
     */
    static String format(Duration latency) {
        long seconds = latency.getSeconds();
        int nanos = latency.getNano();
        if (latency.isZero()) {
            return "0ms";
        }
        if (nanos == 0) {
            return seconds + "s";
        }
        if (nanos % NANOS_PER_MILLI == 0) {
            return (seconds * 1000 + nanos / NANOS_PER_MILLI) + "ms";
        }
        if (nanos % NANOS_PER_MICRO == 0) {
            return (seconds * 1_000_000 + nanos / NANOS_PER_MICRO) + "us";
        }
        return (seconds * 1_000_000_000 + nanos) + "ns";
    }
}
