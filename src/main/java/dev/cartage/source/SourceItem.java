package dev.cartage.source;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.cartage.fetch.mirror.Balance;

/** One item for the pipeline's first stage: an address to fetch, a mirrored address, or a document in hand. */
public sealed interface SourceItem {

    static SourceItem of(URI url) {
        return new Address(url);
    }

    /** One URL to fetch. */
    record Address(URI url) implements SourceItem {
    }

    /** The same content at several addresses ({@code urls.get(0)} is the one the request named first). */
    record Mirrored(List<URI> urls, Balance balance, Duration hedgeAfter) implements SourceItem {
    }

    /**
     * A document given in the request: the fetch stage passes it on without a request.
     *
     * @param content the document, UTF-8
     * @param type    its Content-Type, with {@code charset=UTF-8}, such as {@code text/html;charset=UTF-8}
     * @param name    the name the request gave it, or null
     * @param baseUrl the address its relative links resolve against, or null
     */
    record Inline(byte[] content, String type, String name, URI baseUrl) implements SourceItem {
    }
}
