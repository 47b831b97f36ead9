package dev.cartage.source;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import dev.cartage.pile.PileOrigin;
import dev.cartage.pipeline.Envelope;
import reactor.core.publisher.Flux;

/**
 * Turns checked sources into the stream of items a run works on, numbering them with {@code seq} in expansion
 * order: entries in request order, the pages of a pile in their own order. Lazy and demand-driven: a pile of
 * 100,000 pages makes each URL only when the pipeline asks for the next item.
 */
@Component
public class SourceExpander {

    private final PileOrigin pile;

    public SourceExpander(PileOrigin pile) {
        this.pile = pile;
    }

    /** The items of {@code sources}, numbered from 0. Sources are expanded one after another, never all at once. */
    public Flux<Envelope<SourceItem>> expand(List<SourceSpec> sources) {
        return Flux.defer(() -> {
            AtomicLong seq = new AtomicLong();
            return Flux.fromIterable(sources)
                    .concatMap(this::urls, 1)
                    .map(url -> Envelope.of(seq.getAndIncrement(), url.toString(), SourceItem.of(url)));
        });
    }

    /** How many items {@code sources} expand to, when that is known without fetching anything. */
    public static long count(List<SourceSpec> sources) {
        return sources.stream().mapToLong(s -> s instanceof SourceSpec.Pile p ? p.query().count() : 1).sum();
    }

    private Flux<URI> urls(SourceSpec source) {
        if (source instanceof SourceSpec.Pile p) {
            return pile.manualUrls(p.query()).map(URI::create);
        }
        return Flux.just(((SourceSpec.Url) source).url());
    }
}
