package dev.cartage.run;

import java.net.URI;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.cartage.marshal.Document;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.pipeline.StagesSettings;
import dev.cartage.render.Format;
import dev.cartage.render.Rendered;
import dev.cartage.render.Renderers;
import dev.cartage.source.SourceItem;
import dev.cartage.source.SourceParser;
import dev.cartage.source.SourceSpec;
import dev.cartage.web.Fields;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One page read on demand through the four stages a run uses — the same guarded fetch, marshal and render — with
 * one worker per stage and the configured timeouts and retries. {@code GET /api/render} and the reader page
 * ({@code GET /read}) both read through it, so they fetch, refuse and fail alike.
 */
@Component
class OnePage {

    private final CartageStages stages;
    private final SourceParser sources;
    private final Renderers renderers;
    private final StagesSettings settings;

    OnePage(CartageStages stages, SourceParser sources, StagesProperties defaults, Renderers renderers) {
        this.stages = stages;
        this.sources = sources;
        this.renderers = renderers;
        this.settings = StagesSettings.of(stage -> oneAtATime(defaults.forStage(stage)));
    }

    /**
     * The page's address as a run source would take it; a missing or bad one is rejected on {@code page}, and
     * null is returned.
     */
    URI target(Fields page) {
        if (page.isAbsent() || page.value().stringValue().isBlank()) {
            page.reject("give the page to render as ?url=https://…");
            return null;
        }
        SourceSpec spec = sources.parseOne(page);
        return spec instanceof SourceSpec.Url single ? single.url() : null;
    }

    /** The page rendered in {@code format}; a failure is the envelope's, as data. */
    Mono<Envelope<Rendered>> render(URI target, Format format) {
        return read(target, document -> renderers.render(document, format));
    }

    /** The page marshaled and handed to {@code render} in the render stage; a failure is the envelope's, as data. */
    <R> Mono<Envelope<R>> read(URI target, Function<Document, R> render) {
        Pipeline<SourceItem, R> pipeline = stages.pipeline(settings, render, false, stages.mirrorBoard(),
                rendered -> Mono.empty());
        return pipeline.run(Flux.just(Envelope.of(0, target.toString(), SourceItem.of(target)))).next();
    }

    private static StageSettings oneAtATime(StageDefaults defaults) {
        StageSettings configured = defaults.toSettings();
        return new StageSettings(1, 0, configured.overflow(), configured.timeout(), configured.retries());
    }
}
