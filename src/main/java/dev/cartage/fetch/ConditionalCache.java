package dev.cartage.fetch;

import java.net.URI;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;


/**
 * Pages kept for conditional GET. A 2xx page that came with a validator ({@code ETag} or {@code Last-Modified})
 * and without {@code Cache-Control: no-store} is kept by URL; the next request for that URL sends
 * {@code If-None-Match} / {@code If-Modified-Since}, and a {@code 304 Not Modified} answer reuses the kept page.
 *
 * <p>Bounded twice: by the total bytes of the kept bodies (a weigher; least used first out) and by a time to live
 * from the last fetch or confirmation. A kept {@link Fetched} is shared by every item that reuses it: its body
 * must be treated as read-only.
 *
 * <p>Metrics: {@code cartage.fetch.cache.revalidations} tagged {@code outcome=not-modified|changed}.
 */
@Component
public final class ConditionalCache {

    /** Roughly what an entry costs besides its body: URL, validators, the objects around them. */
    private static final int ENTRY_OVERHEAD = 256;

    private final Cache<URI, Stored> pages;
    private final Counter notModified;
    private final Counter changed;

    @Autowired
    public ConditionalCache(FetchCacheProperties properties, MeterRegistry meters) {
        this.pages = properties.enabled()
                ? Caffeine.newBuilder()
                        .maximumWeight(properties.maxSize().toBytes())
                        .weigher((URI url, Stored stored) -> stored.weight())
                        .expireAfterWrite(properties.ttl())
                        .build()
                : null;
        this.notModified = meters.counter("cartage.fetch.cache.revalidations", "outcome", "not-modified");
        this.changed = meters.counter("cartage.fetch.cache.revalidations", "outcome", "changed");
    }

    /** A cache that keeps nothing: every fetch is a plain GET. */
    public static ConditionalCache disabled() {
        return new ConditionalCache(new FetchCacheProperties(false, FetchCacheProperties.defaults().maxSize(),
                FetchCacheProperties.defaults().ttl()), new SimpleMeterRegistry());
    }

    /** The page kept for {@code url}, or null. */
    public Stored lookup(URI url) {
        return pages == null ? null : pages.getIfPresent(url);
    }

    /**
     * Keeps {@code page} when its {@code headers} carry a validator and allow storing; otherwise forgets any
     * older copy, so that a stale validator is never sent again. {@code revalidated} is the copy that was asked
     * about, or null for a plain GET.
     */
    public void store(URI url, Fetched page, HttpHeaders headers, Stored revalidated) {
        if (pages == null) {
            return;
        }
        if (revalidated != null) {
            changed.increment();
        }
        String etag = headers.getETag();
        String lastModified = headers.getFirst(HttpHeaders.LAST_MODIFIED);
        if ((etag == null && lastModified == null) || noStore(headers)) {
            pages.invalidate(url);
            return;
        }
        pages.put(url, new Stored(page, etag, lastModified));
    }

    /** The origin confirmed {@code stored} unchanged: it is kept for another time to live and returned. */
    public Fetched confirmed(URI url, Stored stored) {
        notModified.increment();
        if (pages != null) {
            pages.put(url, stored);
        }
        return stored.page();
    }

    private static boolean noStore(HttpHeaders headers) {
        List<String> cacheControl = headers.getValuesAsList(HttpHeaders.CACHE_CONTROL);
        return cacheControl.stream().anyMatch(directive -> directive.trim().equalsIgnoreCase("no-store"));
    }

    /**
     * A kept page and the validators it came with.
     *
     * @param page         the page as first fetched (status, type, body)
     * @param etag         its {@code ETag}, or null
     * @param lastModified its {@code Last-Modified}, or null
     */
    public record Stored(Fetched page, String etag, String lastModified) {

        /** Adds the conditional request headers that ask whether this copy is still current. */
        public void addConditions(HttpHeaders headers) {
            if (etag != null) {
                headers.set(HttpHeaders.IF_NONE_MATCH, etag);
            }
            if (lastModified != null) {
                headers.set(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
            }
        }

        int weight() {
            long bytes = (long) page.body().length + ENTRY_OVERHEAD + page.url().toString().length();
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }
    }
}
