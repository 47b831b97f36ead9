package dev.cartage.fetch;

import java.net.URI;

/**
 * What the fetch stage got from an origin: the final URL (after redirects), the status, the media type and body.
 *
 * @param url         the URL that answered
 * @param status      the HTTP status, always 2xx here: other statuses fail the item
 * @param contentType the Content-Type header, or null if the origin sent none
 * @param body        the body bytes, at most the configured cap
 */
public record Fetched(URI url, int status, String contentType, byte[] body) {
}
