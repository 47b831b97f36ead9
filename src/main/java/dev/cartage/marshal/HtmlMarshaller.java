package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Turns the bytes of an HTML page into a {@link Document}: its metadata and the blocks of its main content,
 * with navigation, banners, sidebars, comments and other boilerplate left out and links made absolute.
 *
 * <p>Pure and synchronous CPU work: instances hold no mutable state and may be shared between threads.
 * Malformed markup is repaired the way browsers repair it rather than refused.
 */
public final class HtmlMarshaller {

    private static final Set<String> SUPPORTED_TYPES = Set.of("text/html", "application/xhtml+xml");

    private final int maxBytes;

    /**
     * @param maxBytes the largest body accepted, in bytes; larger bodies fail with {@link FailureType#TOO_LARGE}.
     *                 Must be positive: there is no "unlimited"
     */
    public HtmlMarshaller(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Marshals one page.
     *
     * <p>The charset comes from {@code contentType} when it names one, else from a byte-order mark or the page's
     * {@code <meta charset>}, else UTF-8. A missing content type is taken to be HTML.
     *
     * @param body        the page's bytes as fetched; null is treated as empty
     * @param contentType the response's {@code Content-Type} header, or null when the origin sent none
     * @param baseUrl     the page's URL, against which relative links are resolved (a {@code <base>} element
     *                    in the page takes precedence); null leaves relative links as plain text
     * @return the page's document, with at least one block
     * @throws MarshalException {@link FailureType#UNSUPPORTED_TYPE} for content that is not HTML,
     *                          {@link FailureType#TOO_LARGE} for a body over the limit, and
     *                          {@link FailureType#PARSE} for a page without any text to extract
     */
    public Document marshal(byte[] body, String contentType, String baseUrl) {
        ContentType type = ContentType.parse(contentType);
        if (!type.mediaType().isEmpty() && !SUPPORTED_TYPES.contains(type.mediaType())) {
            throw new MarshalException(FailureType.UNSUPPORTED_TYPE, "Content of type " + type.mediaType()
                    + " cannot be marshaled as HTML; supported types are text/html and application/xhtml+xml");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxBytes) {
            throw new MarshalException(FailureType.TOO_LARGE, "The page is " + bytes.length
                    + " bytes, more than the marshal limit of " + maxBytes + " bytes; raise the limit to read it");
        }
        org.jsoup.nodes.Document page = parse(bytes, type.charset(), baseUrl);
        PageMetadata metadata = PageMetadata.of(page);
        List<Block> blocks = content(page, true);
        if (!hasText(blocks)) {
            // A class name can mislead (a "cookie-wall" wrapping everything), so try once more trusting tags only.
            blocks = content(parse(bytes, type.charset(), baseUrl), false);
        }
        if (!hasText(blocks)) {
            throw new MarshalException(FailureType.PARSE, "The page has no text to extract; it may be empty "
                    + "or built by JavaScript in the browser, which this service does not run");
        }
        return new Document(metadata.title(), baseUrl, metadata.language(), metadata.description(), blocks);
    }

    private static org.jsoup.nodes.Document parse(byte[] bytes, String charset, String baseUrl) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(bytes), charset, baseUrl == null ? "" : baseUrl);
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
