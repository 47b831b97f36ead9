package dev.cartage.run;

import java.time.Duration;
import java.util.List;

import org.springframework.http.codec.ServerSentEvent;

import dev.cartage.deliver.Outcome;
import dev.cartage.pipeline.StageSnapshot;

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

    /**
     * The events of a run, with a heartbeat comment every {@code heartbeat} ({@code cartage.runs.heartbeat}).
     *
     * @param outcomes its outcomes, ending when the run has ended
     * @param stages   its stage snapshots, sampled at most every {@link #STAGES_PERIOD}
     * @param done     its status once it has ended
     */
    static Flux<ServerSentEvent<Object>> of(Flux<Outcome> outcomes, Flux<List<StageSnapshot>> stages,
                                            Mono<RunStatus> done, Duration heartbeat) {
        Sinks.Empty<Void> ended = Sinks.empty();
        Flux<ServerSentEvent<Object>> outcomeEvents = outcomes
                .map(outcome -> ServerSentEvent.builder((Object) outcome).event("outcome")
                        .id(Long.toString(outcome.seq())).build())
                .doFinally(signal -> ended.tryEmitEmpty());
        // a slow reader skips snapshots: the next one is newer anyway
        Flux<ServerSentEvent<Object>> stageEvents = stages
                .distinctUntilChanged()
                .map(snapshot -> ServerSentEvent.builder((Object) snapshot).event("stages").build())
                .takeUntilOther(ended.asMono());
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build())
                .takeUntilOther(ended.asMono());
        return Flux.merge(outcomeEvents, stageEvents, heartbeats)
                .concatWith(done.map(status -> ServerSentEvent.builder((Object) status).event("done").build()));
    }
}
