package dev.cartage.pile;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the pile over HTTP: the listing, one manual page, the sitemap, the feed and robots rules.
 *
 * <p>Every pile URL waits {@code latency} before it answers, with a timer rather than a sleeping thread, so
 * thousands of slow pages cost no threads. A page is generated after the timer, on the timer's CPU-sized
 * parallel scheduler, not on the event loop. A malformed or out-of-limit parameter is a 400 at once, before
 * any wait.
 */
@RestController
@RequestMapping("/pile")
class PileController {

    static final String HTML = "text/html;charset=UTF-8";
    static final String SITEMAP = "application/xml;charset=UTF-8";
    static final String RSS = "application/rss+xml;charset=UTF-8";
    static final String TEXT = "text/plain;charset=UTF-8";
    static final String ROBOTS = "User-agent: *\nAllow: /pile/\n";

    private static final String DEFAULT_COUNT = "" + PileQuery.DEFAULT_COUNT;
    private static final String DEFAULT_SEED = "" + PileQuery.DEFAULT_SEED;
    private static final String NO_LATENCY = "0ms";
    private static final String NEVER_FAIL = "0";

    private final PileOrigin origin;
    private final PileFeeds feeds;
    private final ManualGenerator manuals = new ManualGenerator();

    PileController(PileOrigin origin) {
        this.origin = origin;
        this.feeds = new PileFeeds(origin);
    }

    /** The pile's parameters, sitemap and feed URLs and its first {@link PileListing#LIMIT} pages. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PileListing> listing(@RequestParam(defaultValue = DEFAULT_COUNT) int count,
                              @RequestParam(defaultValue = DEFAULT_SEED) long seed,
                              @RequestParam(defaultValue = NO_LATENCY) String latency,
                              @RequestParam(defaultValue = NEVER_FAIL) int failEvery) {
        return query(count, latency, failEvery, seed)
                .delayUntil(query -> Mono.delay(query.latency()))
                .flatMap(this::listing);
    }

    /** Page {@code n}, any number from 0 up: the same bytes for the same seed, or a 503 where failEvery says. */
    @GetMapping(path = "/manuals/{n}", produces = HTML)
    Mono<String> manual(@PathVariable int n,
                        @RequestParam(defaultValue = DEFAULT_SEED) long seed,
                        @RequestParam(defaultValue = NO_LATENCY) String latency,
                        @RequestParam(defaultValue = NEVER_FAIL) int failEvery) {
        // the page is made while the latency runs, as a real origin works while the client waits: the answer comes
        // after max(latency, generation) rather than latency + generation; a designed failure also waits its latency
        return manualRequest(n, seed, latency, failEvery)
                .flatMap(request -> Mono.delay(request.latency())
                        .zipWith(manual(request).subscribeOn(Schedulers.parallel()).materialize(), (tick, page) -> page)
                        .dematerialize());
    }

    /** A sitemaps.org urlset of the pile's page URLs, in page order, streamed. */
    @GetMapping(path = "/sitemap.xml", produces = SITEMAP)
    Flux<String> sitemap(@RequestParam(defaultValue = DEFAULT_COUNT) int count,
                         @RequestParam(defaultValue = DEFAULT_SEED) long seed,
                         @RequestParam(defaultValue = NO_LATENCY) String latency,
                         @RequestParam(defaultValue = NEVER_FAIL) int failEvery) {
        return query(count, latency, failEvery, seed)
                .delayUntil(query -> Mono.delay(query.latency()))
                .flatMapMany(feeds::sitemap);
    }

    /** An RSS 2.0 feed with one item per page, in page order, streamed. */
    @GetMapping(path = "/feed.xml", produces = RSS)
    Flux<String> feed(@RequestParam(defaultValue = DEFAULT_COUNT) int count,
                      @RequestParam(defaultValue = DEFAULT_SEED) long seed,
                      @RequestParam(defaultValue = NO_LATENCY) String latency,
                      @RequestParam(defaultValue = NEVER_FAIL) int failEvery) {
        return query(count, latency, failEvery, seed)
                .delayUntil(query -> Mono.delay(query.latency()))
                .flatMapMany(feeds::feed);
    }

    @GetMapping(path = "/robots.txt", produces = TEXT)
    Mono<String> robots() {
        return Mono.just(ROBOTS);
    }

    private Mono<PileQuery> query(int count, String latency, int failEvery, long seed) {
        return Mono.fromCallable(() -> origin.requireWithinLimits(PileQuery.of(count, latency, failEvery, seed)))
                .onErrorMap(PileQueryException.class, PileController::badRequest);
    }

    private Mono<ManualRequest> manualRequest(int n, long seed, String latency, int failEvery) {
        return Mono.fromCallable(() -> new ManualRequest(n, seed, allowedLatency(latency), failEvery))
                .onErrorMap(PileQueryException.class, PileController::badRequest);
    }

    private Duration allowedLatency(String latency) {
        return origin.requireLatencyWithinLimit(Latency.parse(latency));
    }

    private Mono<PileListing> listing(PileQuery query) {
        return origin.manualUrls(query)
                .take(PileListing.LIMIT)
                .index((n, url) -> page(query, n.intValue(), url))
                .collectList()
                .map(pages -> PileListing.of(query, origin, pages));
    }

    private static PileListing.Page page(PileQuery query, int n, String url) {
        return new PileListing.Page(n, url, Chapter.of(query.seed(), n).title());
    }

    private Mono<String> manual(ManualRequest request) {
        return request.fails()
                ? Mono.error(designedFailure(request))
                : Mono.fromCallable(() -> manuals.page(request.seed(), request.n()));
    }

    private static ResponseStatusException designedFailure(ManualRequest request) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "pile page " + request.n()
                + " fails on every attempt by design: failEvery=" + request.failEvery()
                + " fails each page n with (n+1) mod " + request.failEvery() + " = 0");
    }

    private static ServerWebInputException badRequest(PileQueryException e) {
        return new ServerWebInputException(e.getMessage(), null, e);
    }
}
