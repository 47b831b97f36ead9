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
        Run run = newRun(id, plan, outcomes, delivering(sink, plan.format().wireName()));
        registry.add(run);
        // the edge of a background run: the one place that subscribes, and keeps the handle to cancel it
        run.attach(run.pipeline().run(counted(run, expander.expand(plan.sources()))).subscribe(
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
        // the response is the sink: an item is delivered once it leaves for the response stream
        Run run = newRun(newId(), plan, newLog(), item -> Mono.empty());
        Sinks.Empty<Void> stop = Sinks.empty();
        AtomicBoolean stopped = new AtomicBoolean();
        run.attach(() -> {
            stopped.set(true);
            stop.tryEmitEmpty();
        });
        Flux<Outcome> outcomes = Flux.defer(() -> {
                    registry.add(run);
                    return run.pipeline().run(counted(run, sources));
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

    /** A run of {@code plan} whose deliver stage does {@code deliver}, with its own mirror board. */
    private Run newRun(String id, RunPlan plan, OutcomeLog outcomes, Function<Envelope<Rendered>, Mono<Void>> deliver) {
        MirrorBoard mirrors = stages.mirrorBoard();
        Pipeline<SourceItem, Rendered> pipeline = stages.pipeline(plan.stages(), plan.format(), plan.ordered(), mirrors,
                deliver);
        return new Run(id, Instant.now(), plan, pipeline, mirrors, outcomes);
    }

    /** The run's items, counted, so that its {@code items.total} is known once the sources are fully expanded. */
    private static Flux<Envelope<SourceItem>> counted(Run run, Flux<Envelope<SourceItem>> items) {
        return Flux.defer(() -> {
            AtomicLong count = new AtomicLong();
            return items.doOnNext(item -> count.incrementAndGet()).doOnComplete(() -> run.expanded(count.get()));
        });
    }

    /** The deliver stage's work: the item as an Outcome, handed to the run's sink. */
    private static Function<Envelope<Rendered>, Mono<Void>> delivering(OutcomeSink sink, String format) {
        return item -> Mono.defer(() -> sink.deliver(Outcome.of(item, format, 0)));
    }
}
