package dev.cartage.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.cartage.deliver.Outcome;
import dev.cartage.deliver.OutcomeLog;
import dev.cartage.deliver.OutcomeSink;
import dev.cartage.deliver.OutcomeSinks;
import dev.cartage.fetch.mirror.MirrorBoard;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.render.Rendered;
import dev.cartage.source.SourceExpander;
import dev.cartage.source.SourceItem;
import dev.cartage.web.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Starts background runs and keeps track of them. This is the edge that subscribes to a run's pipeline: nothing
 * inside the pipeline subscribes, so cancelling the subscription here stops every stage.
 */
@Service
class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final CartageStages stages;
    private final SourceExpander expander;
    private final RunRegistry registry;
    private final RunProperties properties;
    private final OutcomeSinks sinks;

    RunService(CartageStages stages, SourceExpander expander, RunRegistry registry, RunProperties properties,
               OutcomeSinks sinks) {
        this.sinks = sinks;
        this.stages = stages;
        this.expander = expander;
        this.registry = registry;
        this.properties = properties;
    }

    /** Accepts the run and starts it in the background. */
    Run start(RunPlan plan) {
        String id = newId();
        OutcomeLog outcomes = newLog();
        OutcomeSink sink = sinks.open(id, plan.deliver(), outcomes);
        MirrorBoard mirrors = stages.mirrorBoard();
        Pipeline<SourceItem, Rendered> pipeline = stages.pipeline(plan.stages(), plan.format(), plan.ordered(), mirrors,
                delivering(sink, plan.format().wireName()));
        Run run = new Run(id, Instant.now(), plan, pipeline, mirrors, outcomes);
        registry.add(run);
        // the edge of a background run: the one place that subscribes, and keeps the handle to cancel it
        run.attach(outcomesOf(run).subscribe(
                run::record,
                error -> {
                    log.warn("run {} failed", run.id(), error);
                    run.finish(Run.State.FAILED, error.getMessage());
                },
                () -> run.finish(Run.State.COMPLETED, null)));
        return run;
    }

    /**
     * A run tied to its caller ({@code POST /api/pipeline}): the returned outcomes are the run's edge, so whoever
     * subscribes drives it — its demand is the pipeline's demand, and cancelling (a client that disconnects)
     * cancels the run. The run is listed from the moment the outcomes are subscribed to; a DELETE ends the
     * outcomes there, and the run is then {@code cancelled}.
     */
    StreamedRun stream(RunPlan plan, Flux<Envelope<SourceItem>> sources) {
        MirrorBoard mirrors = stages.mirrorBoard();
        Pipeline<SourceItem, Rendered> pipeline = stages.pipeline(plan.stages(), plan.format(), plan.ordered(), mirrors,
                // the response is the sink: an item is delivered once it leaves for the response stream
                item -> Mono.empty());
        Run run = new Run(newId(), Instant.now(), plan, pipeline, mirrors, newLog());
        Sinks.Empty<Void> stop = Sinks.empty();
        AtomicBoolean stopped = new AtomicBoolean();
        run.attach(() -> {
            stopped.set(true);
            stop.tryEmitEmpty();
        });
        AtomicLong items = new AtomicLong();
        Flux<Outcome> outcomes = Flux.defer(() -> {
                    registry.add(run);
                    return pipeline.run(sources
                            .doOnNext(item -> items.incrementAndGet())
                            .doOnComplete(() -> run.expanded(items.get())));
                })
                .takeUntilOther(stop.asMono())
                .map(run::record)
                .doOnComplete(() -> run.finish(stopped.get() ? Run.State.CANCELLED : Run.State.COMPLETED, null))
                .doOnCancel(() -> run.finish(Run.State.CANCELLED, "the client disconnected"))
                .doOnError(error -> {
                    log.warn("streamed run {} failed", run.id(), error);
                    run.finish(Run.State.FAILED, error.getMessage());
                });
        return new StreamedRun(run.id(), outcomes);
    }

    /** A streamed run's id (for {@code X-Run-Id}) and its outcomes, which run it when subscribed to. */
    record StreamedRun(String id, Flux<Outcome> outcomes) {
    }

    private OutcomeLog newLog() {
        return new OutcomeLog(properties.maxContentPerRun().toBytes(), properties.maxOutcomesPerRun());
    }

    /** A random run id. Not SecureRandom: its first use may block reading entropy, and this runs on an event loop. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "r-" + new UUID(random.nextLong(), random.nextLong());
    }

    Run find(String id) {
        return registry.find(id).orElseThrow(() -> new NotFoundException(
                "no run with id '" + id + "': it never existed or was forgotten (a finished run is kept for cartage.runs.ttl, and at most cartage.runs.max-runs are kept)"));
    }

    List<Run> runs() {
        return registry.newestFirst();
    }

    private Flux<Envelope<Rendered>> outcomesOf(Run run) {
        AtomicLong items = new AtomicLong();
        Flux<Envelope<SourceItem>> sources = expander.expand(run.plan().sources())
                .doOnNext(item -> items.incrementAndGet())
                .doOnComplete(() -> run.expanded(items.get()));
        return run.pipeline().run(sources);
    }

    /** The deliver stage's work: the item as an Outcome, handed to the run's sink. */
    private static Function<Envelope<Rendered>, Mono<Void>> delivering(OutcomeSink sink, String format) {
        return item -> Mono.defer(() -> sink.deliver(Outcome.of(item, format, 0)));
    }
}
