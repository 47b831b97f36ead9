package dev.cartage.run;

import java.net.URI;
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
import dev.cartage.web.ConflictException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** The run API (docs/api.md, "Endpoints"): start runs, list them, read one, cancel one, and read its outcomes live. */
@RestController
@RequestMapping("/api/runs")
class RunController {

    private final RunService runs;
    private final RunRequestReader reader;
    private final RunProperties properties;

    RunController(RunService runs, RunRequestReader reader, RunProperties properties) {
        this.properties = properties;
        this.runs = runs;
        this.reader = reader;
    }

    // @ResponseStatus only tells the OpenAPI description what the ResponseEntity answers (docs/api.md: 202)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResponseEntity<RunStatus>> start(@RequestBody JsonNode request) {
        // checking a directory destination reads the file system (real paths, symbolic links): not on an event loop
        return Mono.fromSupplier(() -> runs.start(reader.read(request)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(run -> ResponseEntity.accepted()
                        .location(URI.create("/api/runs/" + run.id()))
                        .body(run.status()));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<RunStatus>> list() {
        return Mono.fromSupplier(() -> runs.runs().stream().map(Run::status).toList());
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<RunStatus> get(@PathVariable String id) {
        return Mono.fromSupplier(() -> runs.find(id).status());
    }

    /** Cancels a running run (docs/api.md): 202 with its status, now cancelled; 409 when it had already ended. */
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ResponseEntity<RunStatus>> cancel(@PathVariable String id) {
        return Mono.fromSupplier(() -> {
            Run run = runs.find(id);
            if (!run.cancel()) {
                throw new ConflictException("run '" + id + "' has already ended (" + run.status().status()
                        + "); only a running run can be cancelled");
            }
            return ResponseEntity.accepted().body(run.status());
        });
    }

    @GetMapping(path = "/{id}/results", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<Outcome> results(@PathVariable String id) {
        return Flux.defer(() -> runs.find(id).outcomes().follow());
    }

    /** The run's live events (docs/api.md): {@code stages}, {@code outcome}, heartbeats, and a last {@code done}. */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events(@PathVariable String id) {
        return Flux.defer(() -> RunEvents.of(runs.find(id), properties.heartbeat()));
    }

    @GetMapping(path = "/{id}/results", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Outcome>> resultEvents(@PathVariable String id) {
        return results(id).map(outcome -> ServerSentEvent.builder(outcome)
                .event("outcome")
                .id(Long.toString(outcome.seq()))
                .build());
    }
}
