package dev.cartage.marshal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * The parts of a {@code Content-Type} header the marshaller uses.
 *
 * @param mediaType the lower-case media type without parameters, such as {@code text/html}; empty when the
 *                  header is missing
 * @param charset   the charset the header names, or null when it names none or one this JVM does not know, so
 *                  that the parser falls back to the byte-order mark and the page's {@code <meta>} declaration
 */
record ContentType(String mediaType, String charset) {

    static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            return new ContentType("", null);
        }
        String[] parts = header.split(";");
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                charset = known(parameter[1].trim().replace("\"", "").replace("'", ""));
            }
        }
        return new ContentType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
    }

    private static String known(String name) {
        try {
            return Charset.isSupported(name) ? name : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
