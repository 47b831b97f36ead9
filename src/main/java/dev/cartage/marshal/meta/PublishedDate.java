package dev.cartage.marshal.meta;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Normalises a declared publication date to ISO-8601: a date-time with its offset
 * ({@code 2024-03-05T10:00:00+01:00}), a local date-time when the page gave no offset, or a date. A value that
 * is none of the forms pages commonly use is kept as given, since a reader can still make sense of it.
 *
 * <p>Accepted forms: ISO-8601 with or without seconds, fraction and offset (also {@code +0100} and {@code +01}),
 * a space instead of the {@code T}, a zone id in brackets, RFC 1123 ({@code Tue, 5 Mar 2024 10:00:00 GMT}).
 */
final class PublishedDate {

    private static final Pattern SPACE_SEPARATED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:.*");
    private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private PublishedDate() {
    }

    /** The date in ISO-8601 when it parses, else the value as given; null for null. */
    static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (SPACE_SEPARATED.matcher(text).matches()) {
            text = text.replaceFirst(" ", "T").replace(" ", "");
        }
        String iso = isoDateTime(text);
        if (iso == null) {
            iso = other(text);
        }
        return iso == null ? value : iso;
    }

    private static String isoDateTime(String text) {
        try {
            TemporalAccessor parsed = LENIENT_ISO.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    : ((LocalDateTime) parsed).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String other(String text) {
        try {
            return LocalDate.parse(text).format(DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException notADate) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(text).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notZoned) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notRfc1123) {
            return null;
        }
    }
}
