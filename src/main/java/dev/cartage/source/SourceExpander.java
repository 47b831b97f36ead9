package dev.cartage.source;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.FailureType;
import reactor.core.publisher.Flux;

/**
 * Turns checked sources into the stream of items a run works on, numbering them with {@code seq} in expansion
 * order: entries in request order, the items of an expanded entry (pile, sitemap, feed) in their own order.
 *
 * <p>Lazy and demand-driven: entries are expanded one after another, and an entry makes its next item only when
 * the pipeline asks for one more — a pile of 100,000 pages makes each URL on request, a sitemap parses its next
 * {@code <loc>} on request. A sitemap or feed that cannot be read, and an address in one that is not a URL, become
 * failed items ({@link Envelope#failed}) that travel to the end like any other failure: the run goes on.
 */
@Component
public class SourceExpander {

    private final SitemapSource sitemaps;
    private final FeedSource feeds;

    SourceExpander(SitemapSource sitemaps, FeedSource feeds) {
        this.sitemaps = sitemaps;
        this.feeds = feeds;
    }

    /** The items of {@code sources}, numbered from 0. Sources are expanded one after another, never all at once. */
    public Flux<Envelope<SourceItem>> expand(List<SourceSpec> sources) {
        return Flux.defer(() -> {
            AtomicLong seq = new AtomicLong();
            return Flux.range(0, sources.size())
                    .concatMap(i -> expand(sources.get(i), i), 1)
                    .map(item -> item.toEnvelope(seq.getAndIncrement()));
        });
    }

    /**
     * The items of a streamed source list, numbered from 0 in arrival order; each line is expanded once it has
     * arrived and the previous line's items have been taken, so a slow pipeline slows the reading of the body.
     * A refused line is one failed item of type {@code invalid-url} naming the line.
     */
    public Flux<Envelope<SourceItem>> expandStream(Flux<StreamedSource> lines) {
        return Flux.defer(() -> {
            AtomicLong seq = new AtomicLong();
            return lines
                    .concatMap(line -> line.spec() == null
                            ? Flux.just(Expanded.failed(line.text(), FailureType.INVALID_URL,
                                    "line " + line.line() + ": " + line.problem()))
                            : expand(line.spec(), (int) Math.min(Integer.MAX_VALUE, line.line() - 1)), 1)
                    .map(item -> item.toEnvelope(seq.getAndIncrement()));
        });
    }

    /** How many items {@code sources} expand to, when that is known without fetching anything: not for sitemaps and feeds. */
    public static OptionalLong count(List<SourceSpec> sources) {
        long count = 0;
        for (SourceSpec source : sources) {
            if (source instanceof SourceSpec.Sitemap || source instanceof SourceSpec.Feed) {
                return OptionalLong.empty();
            }
            count += source instanceof SourceSpec.Contributed c ? c.items().count() : 1;
        }
        return OptionalLong.of(count);
    }

    /** The items of entry {@code index}. */
    private Flux<Expanded> expand(SourceSpec source, int index) {
        if (source instanceof SourceSpec.Url url) {
            return Flux.just(address(url.url()));
        }
        if (source instanceof SourceSpec.Contributed contributed) {
            return contributed.items().urls().map(url -> address(URI.create(url)));
        }
        if (source instanceof SourceSpec.Sitemap sitemap) {
            return sitemaps.expand(sitemap);
        }
        if (source instanceof SourceSpec.Feed feed) {
            return feeds.expand(feed);
        }
        if (source instanceof SourceSpec.Mirrored mirrored) {
            return Flux.just(Expanded.item(mirrored.urls().get(0).toString(),
                    new SourceItem.Mirrored(mirrored.urls(), mirrored.balance(), mirrored.hedgeAfter())));
        }
        SourceSpec.Inline inline = (SourceSpec.Inline) source;
        return Flux.just(Expanded.item(inline.name() != null ? inline.name() : "inline[" + index + "]",
                new SourceItem.Inline(inline.content(), inline.type() + ";charset=UTF-8", inline.name(), inline.baseUrl())));
    }

    private static Expanded address(URI url) {
        return Expanded.item(url.toString(), SourceItem.of(url));
    }
}
