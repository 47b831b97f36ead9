package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;

import java.time.Duration;
import java.util.List;

/**
 * The marshal stage's one entry point: picks the marshaller for a document's media type, after the checks every
 * type shares (the size cap, the parse-time budget).
 *
 * <table>
 *   <caption>Media types read</caption>
 *   <tr><th>media type</th><th>read as</th></tr>
 *   <tr><td>{@code text/html}, {@code application/xhtml+xml}</td><td>an HTML page: metadata and main content</td></tr>
 *   <tr><td>{@code text/markdown}, {@code text/x-markdown}</td><td>CommonMark with GFM tables</td></tr>
 *   <tr><td>{@code text/plain}</td><td>paragraphs separated by blank lines</td></tr>
 *   <tr><td>{@code application/json}, {@code *}{@code /*+json}</td><td>JSON kept as data, shown as a code block</td></tr>
 *   <tr><td>none</td><td>JSON when the body parses as a JSON object or array, else HTML</td></tr>
 * </table>
 *
 * <p>Anything else fails with {@code unsupported-type}, naming the types above. Pure and synchronous CPU work;
 * one instance serves every thread.
 */
public final class Marshallers implements Marshaller {

    /** The media types named to users when theirs is not read. */
    static final List<String> SUPPORTED = List.of("text/html", "application/xhtml+xml", "text/markdown",
            "text/x-markdown", "text/plain", "application/json", "*/*+json");

    private final int maxBytes;
    private final Duration maxParseTime;
    private final HtmlMarshaller html;
    private final MarkdownMarshaller markdown = new MarkdownMarshaller();
    private final TextMarshaller text = new TextMarshaller();
    private final JsonMarshaller json = new JsonMarshaller();

    /** Marshallers with the caps of {@code cartage.marshal.*}. */
    public Marshallers(MarshalProperties properties) {
        this(properties.maxBytes(), properties.maxParseTime());
    }

    /**
     * @param maxBytes     the largest document accepted, in bytes; larger ones fail with {@code too-large}. Must be
     *                     positive
     * @param maxParseTime how long one document may take to marshal; a slower one fails with {@code too-large}.
     *                     Must be positive
     */
    public Marshallers(int maxBytes, Duration maxParseTime) {
        this.html = new HtmlMarshaller(maxBytes, maxParseTime);
        this.maxBytes = maxBytes;
        this.maxParseTime = maxParseTime;
    }

    @Override
    public Document marshal(byte[] body, String contentType, String baseUrl) {
        ContentType type = ContentType.parse(contentType);
        byte[] bytes = body == null ? new byte[0] : body;
        checkSize(bytes, maxBytes);
        MarshalDeadline deadline = MarshalDeadline.after(maxParseTime);
        if (type.mediaType().isEmpty()) {
            return untyped(bytes, type, baseUrl, deadline);
        }
        String media = type.mediaType();
        if (media.equals("text/html") || media.equals("application/xhtml+xml")) {
            return html.marshal(bytes, type, baseUrl, deadline);
        }
        if (media.equals("text/markdown") || media.equals("text/x-markdown")) {
            return markdown.marshal(BodyText.decode(bytes, type), baseUrl, deadline);
        }
        if (media.equals("text/plain")) {
            return text.marshal(BodyText.decode(bytes, type), baseUrl, deadline);
        }
        if (media.equals("application/json") || media.endsWith("+json")) {
            return json.marshal(BodyText.decode(bytes, type), baseUrl, deadline);
        }
        throw new MarshalException(FailureType.UNSUPPORTED_TYPE, "Content of type " + media
                + " cannot be marshaled; supported types are " + String.join(", ", SUPPORTED));
    }

    /** An untyped body: JSON when it parses as such (see {@link #looksLikeJson}), else HTML. */
    private Document untyped(byte[] bytes, ContentType type, String baseUrl, MarshalDeadline deadline) {
        if (looksLikeJson(bytes)) {
            try {
                return json.marshal(BodyText.decode(bytes, type), baseUrl, deadline);
            } catch (MarshalException notJson) {
                if (notJson.type() != FailureType.PARSE) {
                    throw notJson;
                }
            }
        }
        return html.marshal(bytes, type, baseUrl, deadline);
    }

    /**
     * Whether an untyped body may be JSON: its first character (after a byte-order mark and whitespace) opens an
     * object or array. Anything else is read as HTML, which is what untyped web content almost always is;
     * Markdown and plain text are not guessed, since as HTML they still read as text.
     */
    static boolean looksLikeJson(byte[] bytes) {
        int start = BodyText.bomLength(bytes);
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0) {
                continue; // a zero byte is UTF-16's other half
            }
            return b == '{' || b == '[';
        }
        return false;
    }

    /** Fails a body over the limit with {@code too-large}, naming the limit and the setting that raises it. */
    static void checkSize(byte[] bytes, int maxBytes) {
        if (bytes.length > maxBytes) {
            throw new MarshalException(FailureType.TOO_LARGE, "The document is " + bytes.length
                    + " bytes, more than the marshal limit of " + maxBytes
                    + " bytes; raise cartage.marshal.max-size to read it");
        }
    }
}
