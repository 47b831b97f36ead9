package dev.cartage.fetch;

import java.net.URI;

/**
 * What one HTTP exchange produced: a page, or a redirect to follow (after the guard has seen it).
 *
 * @param page     the page, when the origin answered 2xx (or 304 with a cached copy); null for a redirect
 * @param redirect the absolute URL a 3xx answer pointed to; null for a page
 * @param status   the status the origin answered
 */
public record OriginAnswer(Fetched page, URI redirect, int status) {

    public static OriginAnswer page(Fetched page) {
        return new OriginAnswer(page, null, page.status());
    }

    public static OriginAnswer redirect(URI location, int status) {
        return new OriginAnswer(null, location, status);
    }
}
