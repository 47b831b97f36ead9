package dev.cartage.run;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.Fetcher;
import dev.cartage.fetch.mirror.MirrorBoard;
import dev.cartage.fetch.mirror.MirrorFetcher;
import dev.cartage.fetch.mirror.MirrorMetrics;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.MarshalProperties;
import dev.cartage.marshal.Marshaller;
import dev.cartage.marshal.Marshallers;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSpec;
import dev.cartage.pipeline.StagesSettings;
import dev.cartage.render.Format;
import dev.cartage.render.Rendered;
import dev.cartage.render.Renderers;
import dev.cartage.source.SourceItem;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Assembles Cartage's four stages for one run: fetch (I/O, Reactor Netty), marshal and render (CPU, on the
 * bounded CPU scheduler), deliver (the run's sink).
 */
@Component
class CartageStages {

    private final Fetcher fetcher;
    private final MirrorFetcher mirrors;
    private final MirrorMetrics mirrorMetrics;
    private final Marshaller marshaller;
    private final Renderers renderers;
    private final Scheduler cpu;

    CartageStages(Fetcher fetcher, MarshalProperties marshal, MirrorMetrics mirrorMetrics, Renderers renderers,
                  @Qualifier("cpuScheduler") Scheduler cpu) {
        this.renderers = renderers;
        this.fetcher = fetcher;
        this.mirrors = new MirrorFetcher(fetcher::fetch);
        this.mirrorMetrics = mirrorMetrics;
        this.marshaller = new Marshallers(marshal);
        this.cpu = cpu;
    }

    /** A fresh mirror board for one run: its balancers and its per-origin counts ({@code mirrors} in RunStatus). */
    MirrorBoard mirrorBoard() {
        return new MirrorBoard(mirrorMetrics);
    }

    /**
     * The stages of one run, rendering into {@code format}; mirrored items are balanced and counted on
     * {@code board}, the run's own.
     */
    Pipeline<SourceItem, Rendered> pipeline(StagesSettings settings, Format format, boolean ordered,
                                            MirrorBoard board, Function<Envelope<Rendered>, Mono<Void>> sink) {
        return pipeline(settings, document -> renderers.render(document, format), ordered, board, sink);
    }

    /**
     * The same stages with another render step: for a page that shows a document's metadata beside its rendered
     * content ({@code GET /read}), where the render stage hands on the metadata with the rendered content.
     */
    <R> Pipeline<SourceItem, R> pipeline(StagesSettings settings, Function<Document, R> render, boolean ordered,
                                         MirrorBoard board, Function<Envelope<R>, Mono<Void>> sink) {
        return Pipeline.<SourceItem>builder()
                // timed inside: the fetch timeout covers each origin exchange, not the wait for a host permit
                .then(StageSpec.<SourceItem, Fetched>ioTimedInside(Stage.FETCH, settings.fetch(),
                        item -> fetch(item, board)))
                .then(StageSpec.<Fetched, Document>cpu(Stage.MARSHAL, settings.marshal(), cpu,
                        page -> marshaller.marshal(page.body(), page.contentType(), page.url().toString())))
                .then(StageSpec.<Document, R>cpu(Stage.RENDER, settings.render(), cpu, render::apply))
                .then(StageSpec.<R>sink(Stage.DELIVER, settings.deliver(), sink::apply))
                .build(ordered);
    }

    /** The fetch stage's work for one item: a request, a choice among mirrors, or a document already in hand. */
    private Mono<Fetched> fetch(SourceItem item, MirrorBoard board) {
        if (item instanceof SourceItem.Address address) {
            return fetcher.fetch(address.url());
        }
        if (item instanceof SourceItem.Mirrored mirrored) {
            return mirrors.fetch(mirrored.urls(), mirrored.balance(), mirrored.hedgeAfter(), board);
        }
        if (item instanceof SourceItem.Inline inline) {
            URI url = inline.baseUrl() != null ? inline.baseUrl() : URI.create("inline:" + (inline.name() == null ? "document"
                    : java.net.URLEncoder.encode(inline.name(), java.nio.charset.StandardCharsets.UTF_8)));
            // the request's JSON string arrives as UTF-8 bytes, whatever the document itself declares
            return Mono.just(new Fetched(url, 200, inline.type() + ";charset=UTF-8", inline.content()));
        }
        return Mono.error(new IllegalStateException("unknown kind of source item: " + item.getClass().getSimpleName()));
    }
}
