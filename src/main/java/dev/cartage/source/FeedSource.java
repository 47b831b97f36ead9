package dev.cartage.source;

import java.io.ByteArrayInputStream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.cartage.fetch.Fetcher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Expands a feed source into its entries' links, in feed order, up to its limit. The feed is fetched through the
 * {@link Fetcher} (same guard, politeness and body limit as pages) and parsed with rome on the CPU scheduler. A
 * feed that cannot be fetched or read fails as one item named by its URL; an entry without a usable link fails as
 * one item. The run goes on.
 */
@Component
class FeedSource {

    private final Fetcher fetcher;
    private final Scheduler cpu;
    private final SourceLimits limits;

    FeedSource(Fetcher fetcher, @Qualifier("cpuScheduler") Scheduler cpu, SourceLimits limits) {
        this.fetcher = fetcher;
        this.cpu = cpu;
        this.limits = limits;
        FeedLinks.warmUp();
    }

    /** The entry links of {@code feed}, at most its limit (failed entries included), in feed order. */
    Flux<Expanded> expand(SourceSpec.Feed feed) {
        return fetcher.fetch(feed.url())
                .timeout(limits.documentTimeout())
                .flatMap(page -> Mono.fromCallable(() -> FeedLinks.read(new ByteArrayInputStream(page.body()),
                                page.url(), page.contentType()))
                        .subscribeOn(cpu))
                .flatMapIterable(links -> links)
                .take(feed.limit())
                .onErrorResume(error -> Flux.just(Expanded.failed(feed.url().toString(), error)));
    }
}
