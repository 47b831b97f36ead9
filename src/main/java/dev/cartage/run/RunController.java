package dev.cartage.run;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cartage.deliver.Outcome;
import dev.cartage.pipeline.StageSnapshot;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The run API (docs/api.md, "Endpoints"): start runs, list them, read one, cancel one, and read its outcomes live. */
@RestController
@RequestMapping("/api/runs")
class RunController {

    private final RunService runs;
    private final RunProperties properties;

    RunController(RunService runs, RunProperties properties) {
        this.properties = properties;
        this.runs = runs;
    }

    // @ResponseStatus only tells the OpenAPI description what the ResponseEntity answers (docs/api.md: 202)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResponseEntity<RunStatus>> start(@RequestBody JsonNode request) {
        return runs.start(request).map(run -> accepted(run.status()));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<RunStatus>> list() {
        return runs.runs().collectList();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<RunStatus> get(@PathVariable String id) {
        return runs.status(id);
    }

    /**
     * Cancels a running run (docs/api.md), on whichever replica runs it: 202 with its status, now cancelled; 409 when
     * it had already ended.
     */
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResponseEntity<RunStatus>> cancel(@PathVariable String id) {
        return runs.cancel(id).map(status -> ResponseEntity.accepted().body(status));
    }

    /**
     * Continues an interrupted, cancelled or failed run in this process (docs/api.md): only its items without an
     * outcome go through. 202 with its status, running again; 409 when it is running or has nothing left to do.
     */
    @Operation(summary = "Continue an interrupted, cancelled or failed run: only items with no outcome yet are processed")
    @PostMapping(path = "/{id}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResponseEntity<RunStatus>> resume(@PathVariable String id) {
        return runs.resume(id).map(this::accepted);
    }

    /**
     * Runs again the items of an ended run whose outcome failed, replacing those outcomes (docs/api.md): 202 with its
     * status, running again; 409 when it is still running or has no failed outcome.
     */
    @Operation(summary = "Run again the items of an ended run whose outcome failed, replacing their outcomes")
    @PostMapping(path = "/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResponseEntity<RunStatus>> retry(@PathVariable String id) {
        return runs.retry(id).map(this::accepted);
    }

    @GetMapping(path = "/{id}/results", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<Outcome> results(@PathVariable String id) {
        return runs.outcomes(id);
    }

    /** The run's live events (docs/api.md): {@code stages}, {@code outcome}, heartbeats, and a last {@code done}. */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events(@PathVariable String id) {
        return runs.status(id).flatMapMany(found -> RunEvents.of(runs.outcomes(id), stageSnapshots(id),
                runs.status(id), properties.heartbeat()));
    }

    @GetMapping(path = "/{id}/results", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Outcome>> resultEvents(@PathVariable String id) {
        return results(id).map(outcome -> ServerSentEvent.builder(outcome)
                .event("outcome")
                .id(Long.toString(outcome.seq()))
                .build());
    }

    /** The run's stage snapshots as they change: live when it runs here, else as its owner stores them. */
    private Flux<List<StageSnapshot>> stageSnapshots(String id) {
        // a run of another replica changes in the store once per sync: reading it more often reads the same row again
        Duration period = runs.runsHere(id) ? RunEvents.STAGES_PERIOD : properties.sync();
        return Flux.interval(Duration.ZERO, period)
                .onBackpressureDrop()
                .concatMap(tick -> runs.status(id).map(RunStatus::stages).onErrorResume(error -> Mono.empty()), 1);
    }

    private ResponseEntity<RunStatus> accepted(RunStatus status) {
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + status.id())).body(status);
    }
}
