package dev.cartage.source;

import java.io.IOException;

/** A document grew past the body limit while it was being unpacked: a gzip bomb, or just a very large sitemap. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(String message) {
        super(message);
    }
}
