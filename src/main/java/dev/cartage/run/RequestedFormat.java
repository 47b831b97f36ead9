package dev.cartage.run;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.cartage.render.Format;
import dev.cartage.web.Fields;

/** The output format a request asks for, checked the same way wherever a request names one. */
final class RequestedFormat {

    private RequestedFormat() {
    }

    /** The format named by {@code field}; markdown when absent or rejected. */
    static Format read(Fields field) {
        if (field.isAbsent()) {
            return Format.MARKDOWN;
        }
        String name = field.value().isString() ? field.value().stringValue() : field.value().toString();
        Format format = Format.fromWireName(name).orElse(null);
        if (format == null) {
            field.reject("unknown format '" + name + "'; one of " + available());
            return Format.MARKDOWN;
        }
        if (!format.available()) {
            field.reject("the format '" + name + "' is not offered yet by this version; one of " + available());
        }
        return format;
    }

    private static String available() {
        return Arrays.stream(Format.values()).filter(Format::available).map(Format::wireName)
                .collect(Collectors.joining(", "));
    }
}
