package dev.cartage.source;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.Fetcher;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;

/**
 * Expands a sitemap source into the pages it lists, following sitemap indexes, as a stream driven by demand:
 * each {@code <loc>} is parsed when the pipeline asks for one more item, so a sitemap of 50,000 pages starts
 * fetching its first pages before the rest is parsed, and at no time are more addresses parsed than were asked
 * for. A child sitemap of an index is fetched only when the pages before it have all been asked for.
 *
 * <p>Documents are fetched through the {@link Fetcher}, so the same guard, politeness and body limit apply as to
 * pages. Parsing runs on the CPU scheduler, never on an event loop.
 *
 * <p>Indexes are followed {@link SourceLimits#maxSitemapDepth()} levels deep; a sitemap listed again (a cycle, or
 * a repeat) is skipped. A document that cannot be fetched or read fails as one item named by its URL, after the
 * pages it yielded before it broke; an address that is not an http(s) URL fails as one item. The run goes on.
 * Cancelling stops the parsing and any fetch in progress.
 */
@Component
class SitemapSource {

    private final Fetcher fetcher;
    private final Scheduler cpu;
    private final SourceLimits limits;
    private final long maxBytes;
    private final LongAdder locsRead = new LongAdder();

    SitemapSource(Fetcher fetcher, @Qualifier("cpuScheduler") Scheduler cpu, SourceLimits limits, FetchProperties fetch) {
        this.fetcher = fetcher;
        this.cpu = cpu;
        this.limits = limits;
        this.maxBytes = fetch.maxBodySize().toBytes();
        SitemapDocument.warmUp();
        FeedLinks.warmUp();
    }

    /** The pages of {@code sitemap}, at most its limit (failed items included), in document order. */
    Flux<Expanded> expand(SourceSpec.Sitemap sitemap) {
        return Flux.defer(() -> document(sitemap.url(), 0, ConcurrentHashMap.newKeySet()))
                .take(sitemap.limit());
    }

    /** Addresses parsed so far from every sitemap this source has read: the proof that parsing follows demand. */
    long locsRead() {
        return locsRead.sum();
    }

    private Flux<Expanded> document(URI url, int depth, Set<URI> seen) {
        if (!seen.add(url.normalize())) {
            return Flux.empty();
        }
        return fetcher.fetch(url)
                .timeout(limits.documentTimeout())
                .flatMapMany(page -> read(page, depth, seen))
                .onErrorResume(error -> Flux.just(Expanded.failed(url.toString(), error)));
    }

    /**
     * Opens the document on the CPU scheduler, where every later request for more of it is served too. A document
     * holds nothing but memory, so a cancelled one is simply dropped.
     */
    private Flux<Expanded> read(Fetched page, int depth, Set<URI> seen) {
        return Mono.fromCallable(() -> SitemapDocument.open(page, maxBytes))
                .flatMapMany(document -> entries(document, page, depth, seen))
                .subscribeOn(cpu);
    }

    private Flux<Expanded> entries(SitemapDocument document, Fetched page, int depth, Set<URI> seen) {
        switch (document.kind()) {
            case PAGES:
                return locs(document).map(loc -> page(loc, page.url()));
            case SITEMAPS:
                return locs(document).concatMap(loc -> child(loc, page.url(), depth + 1, seen), 1);
            default:
                return Mono.fromCallable(() -> FeedLinks.read(SitemapDocument.unpacked(page, maxBytes), page.url(),
                                page.contentType()))
                        .flatMapIterable(links -> links);
        }
    }

    /** The document's addresses, one parsed per item requested. */
    private Flux<String> locs(SitemapDocument document) {
        return Flux.generate((SynchronousSink<String> sink) -> {
            try {
                String loc = document.next();
                if (loc == null) {
                    sink.complete();
                } else {
                    locsRead.increment();
                    sink.next(loc);
                }
            } catch (Exception e) {
                sink.error(e);
            }
        });
    }

    private static Expanded page(String loc, URI sitemap) {
        try {
            URI url = HttpUrls.parse(loc);
            return Expanded.item(url.toString(), SourceItem.of(url));
        } catch (ItemException e) {
            return invalid(loc, sitemap, e);
        }
    }

    /** An address that is no http(s) URL, named by its own text, or by its sitemap when it is empty. */
    private static Expanded invalid(String loc, URI sitemap, ItemException problem) {
        return Expanded.failed(loc.isEmpty() ? sitemap.toString() : HttpUrls.abbreviate(loc), FailureType.INVALID_URL,
                (loc.isEmpty() ? "an empty <loc>" : "a <loc>") + " in " + sitemap + ": " + problem.getMessage());
    }

    private Flux<Expanded> child(String loc, URI index, int depth, Set<URI> seen) {
        URI url;
        try {
            url = HttpUrls.parse(loc);
        } catch (ItemException e) {
            return Flux.just(invalid(loc, index, e));
        }
        if (depth > limits.maxSitemapDepth()) {
            return Flux.just(Expanded.failed(url.toString(), FailureType.PARSE, "not followed: the sitemap index "
                    + index + " is nested more than " + limits.maxSitemapDepth()
                    + " levels deep (cartage.limits.max-sitemap-depth)"));
        }
        return document(url, depth, seen);
    }
}
