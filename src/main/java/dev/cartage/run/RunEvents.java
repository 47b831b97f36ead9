package dev.cartage.run;

import java.time.Duration;

import org.springframework.http.codec.ServerSentEvent;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live event stream of one run ({@code GET /api/runs/{id}/events}, docs/api.md): {@code stages} events with the
 * four StageSnapshots (at most {@link #STAGES_PERIOD one per 250 ms}, and only when they changed), an
 * {@code outcome} event per delivered outcome, comment heartbeats so that idle connections stay open through
 * proxies, and a last {@code done} event carrying the final RunStatus. A run that has already ended gives its
 * outcomes, one last snapshot and {@code done} at once.
 */
final class RunEvents {

    /** Stage snapshots at most 4 per second: a live view, not a firehose. */
    static final Duration STAGES_PERIOD = Duration.ofMillis(250);

    private RunEvents() {
    }

    /** The events of {@code run}, with a heartbeat comment every {@code heartbeat} ({@code cartage.runs.heartbeat}). */
    static Flux<ServerSentEvent<Object>> of(Run run, Duration heartbeat) {
        Sinks.Empty<Void> ended = Sinks.empty();
        Flux<ServerSentEvent<Object>> outcomes = run.outcomes().follow()
                .map(outcome -> ServerSentEvent.builder((Object) outcome).event("outcome")
                        .id(Long.toString(outcome.seq())).build())
                .doFinally(signal -> ended.tryEmitEmpty());
        // ticks a slow reader cannot take are dropped: the next snapshot is newer anyway
        Flux<ServerSentEvent<Object>> stages = Flux.interval(Duration.ZERO, STAGES_PERIOD)
                .onBackpressureDrop()
                .map(tick -> run.pipeline().snapshot())
                .distinctUntilChanged()
                .map(snapshot -> ServerSentEvent.builder((Object) snapshot).event("stages").build())
                .takeUntilOther(ended.asMono());
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build())
                .takeUntilOther(ended.asMono());
        return Flux.merge(outcomes, stages, heartbeats)
                .concatWith(Mono.fromSupplier(() -> ServerSentEvent.builder((Object) run.status()).event("done").build()));
    }
}
