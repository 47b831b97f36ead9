package dev.cartage.run;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.cartage.deliver.Outcome;
import dev.cartage.fetch.mirror.MirrorBoard;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.Stage;
import dev.cartage.render.Rendered;
import dev.cartage.source.SourceItem;
import dev.cartage.store.RunProgress;
import dev.cartage.store.RunState;
import dev.cartage.store.StoredRun;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A run going on in this process: its plan, its pipeline (whose meters are the live counters), what it keeps of each
 * outcome for the store, and how it ended. The store has the run too; this process writes it there.
 */
final class Run {

    private final String id;
    private final Instant createdAt;
    private final RunPlan plan;
    private final Pipeline<SourceItem, Rendered> pipeline;
    private final MirrorBoard mirrors;
    private final OutcomeBudget budget;
    /** Seqs whose stored outcome a retry replaces: their old outcome was counted as failed. */
    private final Set<Long> replacing;
    /** Whether its sources can be expanded again: false for a run whose sources came with its HTTP request. */
    private final boolean resumable;
    private final AtomicLong succeeded;
    private final AtomicLong failed;
    private volatile Long total;
    private volatile RunState state = RunState.RUNNING;
    private volatile Instant finishedAt;
    private volatile String error;
    private final Sinks.Empty<Void> stopped = Sinks.empty();

    Run(String id, Instant createdAt, RunPlan plan, Pipeline<SourceItem, Rendered> pipeline, MirrorBoard mirrors,
        OutcomeBudget budget, RunProgress sofar, Set<Long> replacing, boolean resumable) {
        this.id = id;
        this.createdAt = createdAt;
        this.plan = plan;
        this.pipeline = pipeline;
        this.mirrors = mirrors;
        this.budget = budget;
        this.replacing = replacing;
        this.resumable = resumable;
        this.succeeded = new AtomicLong(sofar.succeeded());
        this.failed = new AtomicLong(sofar.failed());
    }

    String id() {
        return id;
    }

    /** When the run ended, or null while it runs. */
    Instant finishedAt() {
        return finishedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    RunPlan plan() {
        return plan;
    }

    Pipeline<SourceItem, Rendered> pipeline() {
        return pipeline;
    }

    boolean running() {
        return state == RunState.RUNNING;
    }

    RunState state() {
        return state;
    }

    String error() {
        return error;
    }

    boolean resumable() {
        return resumable;
    }

    /** Whether this run replaces stored outcomes (a retry) rather than adding to them. */
    boolean replaces() {
        return !replacing.isEmpty();
    }

    /** Signals once the run is asked to stop: its edge stops the pipeline there, and stores what came before. */
    Mono<Void> stopSignal() {
        return stopped.asMono();
    }

    /** Counts an item that left the deliver stage; gives its outcome. */
    Outcome record(Envelope<Rendered> item) {
        if (replacing.contains(item.seq())) {
            failed.decrementAndGet();
        }
        (item.isFailed() ? failed : succeeded).incrementAndGet();
        return Outcome.of(item, plan.format().wireName(), item.timings().nanos(Stage.DELIVER));
    }

    /**
     * What the run stores of an outcome: its content only when the store is its destination and within the run's
     * caps, else its record (every item stays listed in the run's results, and a failed delivery is never lost);
     * nothing for a run that discards its outcomes, or past the run's cap on records.
     */
    Outcome kept(Outcome outcome) {
        switch (plan.deliver().to()) {
            case STORE:
                return budget.keep(outcome);
            case DISCARD:
                return null;
            default:
                return budget.keep(outcome.withoutContent());
        }
    }

    void expanded(long items) {
        total = items;
    }

    /**
     * Ends the run once: the first end wins (a run that completes while it is being cancelled stays completed).
     *
     * @return whether this call ended the run
     */
    synchronized boolean finish(RunState end, String reason) {
        if (state != RunState.RUNNING) {
            return false;
        }
        error = reason;
        finishedAt = Instant.now();
        state = end;
        return true;
    }

    /**
     * Stops the run's work and marks it {@code end} (cancelled, or interrupted): its edge stops the pipeline, which
     * cancels every stage's in-flight items, fetches included, and the outcomes that came out before are stored.
     *
     * @return false when the run had already ended before this call stopped it
     */
    boolean stop(RunState end, String reason) {
        if (!finish(end, reason)) {
            return false;
        }
        stopped.tryEmitEmpty();
        return true;
    }

    RunProgress progress() {
        return new RunProgress(total, succeeded.get(), failed.get(), pipeline.snapshot(), mirrors.snapshot());
    }

    /** The run as the store first keeps it. */
    StoredRun stored(String request, Long planned, String owner, Instant leaseUntil) {
        return new StoredRun(id, RunState.RUNNING, createdAt, null, plan.format().wireName(), plan.ordered(),
                plan.deliver().to().wireName(), request, planned, progress(), null, owner, leaseUntil);
    }

    RunStatus status() {
        return new RunStatus(id, state.name().toLowerCase(Locale.ROOT), createdAt, finishedAt,
                plan.format().wireName(), plan.ordered(), plan.deliver().to().wireName(),
                new RunStatus.Items(total, succeeded.get(), failed.get()), pipeline.snapshot(), mirrors.snapshot(), error);
    }
}
