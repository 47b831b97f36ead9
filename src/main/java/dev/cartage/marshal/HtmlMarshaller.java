package dev.cartage.marshal;

import dev.cartage.marshal.meta.Metadata;
import dev.cartage.marshal.meta.PageMetadata;
import dev.cartage.pipeline.FailureType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Turns the bytes of an HTML page into a {@link Document}: its metadata and the blocks of its main content,
 * with navigation, banners, sidebars, comments and other boilerplate left out and links made absolute.
 *
 * <p>Pure and synchronous CPU work: instances hold no mutable state and may be shared between threads.
 * Malformed markup is repaired the way browsers repair it rather than refused. The parsed page is dropped once
 * the document is built: the document holds only strings and JSON.
 */
public final class HtmlMarshaller implements Marshaller {

    /** The parse-time budget when none is given: {@code cartage.marshal.max-parse-time}'s default. */
    static final Duration DEFAULT_MAX_PARSE_TIME = Duration.ofSeconds(2);

    private static final Set<String> SUPPORTED_TYPES = Set.of("text/html", "application/xhtml+xml");

    private final int maxBytes;
    private final Duration maxParseTime;

    /**
     * A marshaller with the default parse-time budget of 2s.
     *
     * @param maxBytes the largest body accepted, in bytes; larger bodies fail with {@link FailureType#TOO_LARGE}.
     *                 Must be positive: there is no "unlimited"
     */
    public HtmlMarshaller(int maxBytes) {
        this(maxBytes, DEFAULT_MAX_PARSE_TIME);
    }

    /**
     * @param maxBytes     the largest body accepted, in bytes; larger bodies fail with {@link FailureType#TOO_LARGE}.
     *                     Must be positive: there is no "unlimited"
     * @param maxParseTime how long one page may take; a slower one fails with {@link FailureType#TOO_LARGE}.
     *                     Must be positive
     */
    public HtmlMarshaller(int maxBytes, Duration maxParseTime) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        MarshalDeadline.after(maxParseTime); // validates the budget now rather than on the first page
        this.maxBytes = maxBytes;
        this.maxParseTime = maxParseTime;
    }

    /**
     * Marshals one page.
     *
     * <p>The charset comes from a byte-order mark when there is one (it wins, as in browsers), else from
     * {@code contentType} when it names one, else from the page's {@code <meta charset>}, else UTF-8. A missing
     * content type is taken to be HTML.
     *
     * @param body        the page's bytes as fetched; null is treated as empty
     * @param contentType the response's {@code Content-Type} header, or null when the origin sent none
     * @param baseUrl     the page's URL, against which relative links are resolved (a {@code <base>} element
     *                    in the page takes precedence); null leaves relative links as plain text
     * @return the page's document, with at least one block
     * @throws MarshalException {@link FailureType#UNSUPPORTED_TYPE} for content that is not HTML,
     *                          {@link FailureType#TOO_LARGE} for a body over the limit or a page that takes longer
     *                          than the parse-time budget, and {@link FailureType#PARSE} for a page without any
     *                          text to extract
     */
    @Override
    public Document marshal(byte[] body, String contentType, String baseUrl) {
        ContentType type = ContentType.parse(contentType);
        if (!type.mediaType().isEmpty() && !SUPPORTED_TYPES.contains(type.mediaType())) {
            throw new MarshalException(FailureType.UNSUPPORTED_TYPE, "Content of type " + type.mediaType()
                    + " cannot be marshaled as HTML; supported types are text/html and application/xhtml+xml");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        Marshallers.checkSize(bytes, maxBytes);
        return marshal(bytes, type, baseUrl, MarshalDeadline.after(maxParseTime));
    }

    /** Marshals a page already known to be HTML and within the size limit. */
    Document marshal(byte[] bytes, ContentType type, String baseUrl, MarshalDeadline deadline) {
        String charset = BodyText.declaredCharset(bytes, type);
        org.jsoup.nodes.Document page = parse(bytes, charset, baseUrl, deadline);
        Metadata metadata = PageMetadata.read(page, deadline);
        deadline.checkNow();
        List<Block> blocks;
        try (MarshalDeadline.Scope bound = deadline.bind()) {
            blocks = content(page, true);
            deadline.checkNow();
            if (!hasText(blocks)) {
                // A class name can mislead (a "cookie-wall" wrapping everything), so try once more trusting tags only.
                blocks = content(parse(bytes, charset, baseUrl, deadline), false);
                deadline.checkNow();
            }
        }
        if (!hasText(blocks)) {
            throw new MarshalException(FailureType.PARSE, "The page has no text to extract; it may be empty "
                    + "or built by JavaScript in the browser, which this service does not run");
        }
        return new Document(baseUrl, metadata, blocks, null);
    }

    /** Parses while checking the deadline on every read, so that even the parser cannot run past it. */
    private static org.jsoup.nodes.Document parse(byte[] bytes, String charset, String baseUrl,
                                                  MarshalDeadline deadline) {
        try {
            return Jsoup.parse(new DeadlineInput(bytes, deadline), charset, baseUrl == null ? "" : baseUrl);
        } catch (IOException e) {
            // reading from memory fails only on a broken decoder, which is a bug rather than the page's fault
            throw new UncheckedIOException(e);
        }
    }

    private static List<Block> content(org.jsoup.nodes.Document page, boolean trustNames) {
        Element body = page.body();
        Boilerplate.removeNonContent(body);
        Element main = ContentExtractor.extract(body, trustNames);
        List<Block> blocks = BlockWalker.walk(main);
        return !hasText(blocks) && main != body ? BlockWalker.walk(body) : blocks;
    }

    /** Images alone are not a page's content: they are usually the logo and icons left when the text was missed. */
    private static boolean hasText(List<Block> blocks) {
        return blocks.stream().anyMatch(block -> !block.plainText().isBlank());
    }
}
