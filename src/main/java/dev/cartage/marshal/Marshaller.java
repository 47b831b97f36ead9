package dev.cartage.marshal;

/**
 * Turns the bytes of one fetched (or inline) document into a {@link Document}.
 *
 * <p>Implementations are pure, synchronous CPU work and hold no per-item state, so one instance serves every
 * thread. Failures of the item are {@link MarshalException}s with the API's error types.
 */
public interface Marshaller {

    /**
     * Marshals one document.
     *
     * @param body        the document's bytes; null is treated as empty
     * @param contentType the {@code Content-Type} it came with (media type and optional charset), or null when
     *                    unknown
     * @param baseUrl     the document's URL, against which relative links are resolved; null leaves relative links
     *                    unresolved (they become plain text)
     * @return the document, never null
     * @throws MarshalException {@code unsupported-type}, {@code too-large} or {@code parse}
     */
    Document marshal(byte[] body, String contentType, String baseUrl);
}
