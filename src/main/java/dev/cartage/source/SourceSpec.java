package dev.cartage.source;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.cartage.fetch.mirror.Balance;

/** One entry of a run's {@code sources}, checked and ready to expand into items. */
public sealed interface SourceSpec {

    /** One absolute http(s) URL: one item. */
    record Url(URI url) implements SourceSpec {
    }

    /**
     * The same content at several addresses: one item.
     *
     * @param urls       the {@code url} first, then the {@code mirrors}, in request order
     * @param hedgeAfter for {@code first-response}: ask the next address only after this long; null asks all at once
     */
    record Mirrored(List<URI> urls, Balance balance, Duration hedgeAfter) implements SourceSpec {
    }

    /** Every page a sitemap lists (indexes followed), up to {@code limit}. */
    record Sitemap(URI url, int limit) implements SourceSpec {
    }

    /** Every entry link of an RSS or Atom feed, up to {@code limit}. */
    record Feed(URI url, int limit) implements SourceSpec {
    }

    /**
     * A document given in the request: one item, not fetched.
     *
     * @param name    the name given, or null
     * @param baseUrl the address relative links resolve against, or null
     */
    record Inline(byte[] content, String type, String name, URI baseUrl) implements SourceSpec {
    }

    /**
     * An entry of a form contributed through {@link SourceForm}, such as the demo pile: {@code items.count()} items.
     *
     * @param form the form's field name, such as {@code pile}
     */
    record Contributed(String form, SourceForm.Items items) implements SourceSpec {
    }
}
