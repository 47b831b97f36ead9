package dev.cartage.marshal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a body's bytes to text by the WHATWG rule: a byte-order mark wins, then the charset the
 * {@code Content-Type} header names, then (for HTML only, left to the parser) the page's {@code <meta charset>},
 * else UTF-8. Bytes that are invalid in the chosen charset become U+FFFD; they never fail the item.
 */
final class BodyText {

    private BodyText() {
    }

    /**
     * The charset to decode with, before any in-document declaration: the byte-order mark's, else the header's;
     * null when neither says, so that an HTML parser goes on to the page's own declaration.
     */
    static String declaredCharset(byte[] bytes, ContentType type) {
        Charset bom = bomCharset(bytes);
        return bom != null ? bom.name() : type.charset();
    }

    /** The body as text for formats without in-document declarations (Markdown, plain text, JSON). */
    static String decode(byte[] bytes, ContentType type) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bomLength(bytes);
            return new String(bytes, skip, bytes.length - skip, bom);
        }
        Charset charset = type.charset() == null ? StandardCharsets.UTF_8 : Charset.forName(type.charset());
        return new String(bytes, charset);
    }

    /** The length of the byte-order mark the bytes start with: 3 for UTF-8, 2 for UTF-16, else 0. */
    static int bomLength(byte[] bytes) {
        Charset bom = bomCharset(bytes);
        return bom == null ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }

    /** The charset a UTF-8 or UTF-16 byte-order mark at the start announces, or null when there is none. */
    static Charset bomCharset(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }
}
