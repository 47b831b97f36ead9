package dev.cartage.source;

/** A fetched document that is well-formed enough to read but is not a sitemap or a feed (an HTML page, say). */
final class NotAListingException extends Exception {

    NotAListingException(String message) {
        super(message, null, false, false);
    }
}
