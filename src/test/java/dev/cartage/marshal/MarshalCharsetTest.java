package dev.cartage.marshal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charsets as browsers pick them (WHATWG): a byte-order mark wins, then the header's charset, then, for HTML, the
 * page's own declaration, else UTF-8. Invalid bytes become U+FFFD and never fail the item.
 */
class MarshalCharsetTest {

    private static final String BASE = "https://a.example.org/";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

    private final Marshallers marshallers = new Marshallers(1 << 20, Duration.ofSeconds(5));

    @ParameterizedTest(name = "{0} declared by {1}")
    @CsvSource(delimiter = '|', value = {
            "windows-1252 | meta     | Caf\u00e9 \u201cquoted\u201d \u2014 \u20ac5",
            "ISO-8859-1   | meta     | Caf\u00e9 cr\u00e8me \u00e0 la carte",
            "Shift_JIS    | meta     | \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8",
            "windows-1252 | header   | Caf\u00e9 \u201cquoted\u201d \u2014 \u20ac5",
            "Shift_JIS    | header   | \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8",
            "windows-1252 | http-equiv | Caf\u00e9 \u201cquoted\u201d \u2014 \u20ac5"})
    void htmlIsDecodedWithTheDeclaredCharset(String charset, String declaredBy, String text) {
        String meta = switch (declaredBy) {
            case "meta" -> "<meta charset=" + charset + ">";
            case "http-equiv" -> "<meta http-equiv=Content-Type content='text/html; charset=" + charset + "'>";
            default -> "";
        };
        byte[] page = ("<html><head>" + meta + "</head><body><p>" + text + "</p></body></html>")
                .getBytes(Charset.forName(charset));
        String type = declaredBy.equals("header") ? "text/html; charset=" + charset : "text/html";

        assertThat(text(marshallers.marshal(page, type, BASE))).isEqualTo(text);
    }

    @Test
    void utf16WithAByteOrderMarkIsReadInEitherByteOrder() {
        String html = "<p>\u00c5ngstr\u00f6m \u65e5\u672c</p>";

        assertThat(text(marshallers.marshal(concat(UTF16LE_BOM, html.getBytes(StandardCharsets.UTF_16LE)), "text/html", BASE)))
                .isEqualTo("\u00c5ngstr\u00f6m \u65e5\u672c");
        assertThat(text(marshallers.marshal(concat(UTF16BE_BOM, html.getBytes(StandardCharsets.UTF_16BE)), null, BASE)))
                .isEqualTo("\u00c5ngstr\u00f6m \u65e5\u672c");
    }

    @Test
    void aByteOrderMarkWinsOverTheHeaderAndTheMetaTag() {
        byte[] page = concat(UTF8_BOM, "<meta charset=windows-1252><p>Caf\u00e9 \u2014 ok</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(text(marshallers.marshal(page, "text/html; charset=ISO-8859-1", BASE))).isEqualTo("Caf\u00e9 \u2014 ok");
    }

    @Test
    void theHeaderWinsOverTheMetaTagWithoutAByteOrderMark() {
        byte[] page = "<meta charset=utf-8><p>Caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(text(marshallers.marshal(page, "text/html; charset=iso-8859-1", BASE))).isEqualTo("Caf\u00e9");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text/plain",
            "text/markdown",
            "application/json"})
    void otherTypesUseTheByteOrderMarkThenTheHeaderThenUtf8(String type) {
        String content = type.equals("application/json") ? "{\"title\": \"Caf\u00e9 \u65e5\u672c\"}" : "Caf\u00e9 \u65e5\u672c";

        Document utf8 = marshallers.marshal(content.getBytes(StandardCharsets.UTF_8), type, BASE);
        Document bom = marshallers.marshal(concat(UTF8_BOM, content.getBytes(StandardCharsets.UTF_8)), type, BASE);
        Document utf16 = marshallers.marshal(concat(UTF16LE_BOM, content.getBytes(StandardCharsets.UTF_16LE)), type, BASE);
        Document header = marshallers.marshal(content.replace("\u65e5\u672c", "").getBytes(StandardCharsets.ISO_8859_1),
                type + "; charset=ISO-8859-1", BASE);

        for (Document document : new Document[]{utf8, bom, utf16}) {
            assertThat(shown(document, type)).contains("Caf\u00e9 \u65e5\u672c").doesNotContain("\ufeff");
        }
        assertThat(shown(header, type)).contains("Caf\u00e9");
    }

    @Test
    void invalidBytesAreReplacedNotFatal() {
        byte[] broken = {'<', 'p', '>', 'a', (byte) 0xC3, (byte) 0x28, 'b', (byte) 0xFF, '<', '/', 'p', '>'};

        assertThat(text(marshallers.marshal(broken, "text/html; charset=utf-8", BASE))).isEqualTo("a\ufffd(b\ufffd");
        assertThat(text(marshallers.marshal(broken, "text/plain", BASE))).isEqualTo("<p>a\ufffd(b\ufffd</p>");
        assertThat(text(marshallers.marshal(broken, "text/markdown", BASE))).isEqualTo("<p>a\ufffd(b\ufffd</p>");
    }

    private static String shown(Document document, String type) {
        return type.equals("application/json") ? document.title() : text(document);
    }

    private static String text(Document document) {
        return document.blocks().stream().map(Block::plainText).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
