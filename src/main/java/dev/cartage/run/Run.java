package dev.cartage.run;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.cartage.deliver.Outcome;
import dev.cartage.deliver.OutcomeLog;
import dev.cartage.fetch.mirror.MirrorBoard;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.pipeline.Stage;
import dev.cartage.render.Rendered;
import dev.cartage.source.SourceItem;
import reactor.core.Disposable;

/** One run's state: its plan, its pipeline (whose meters are the live counters) and what it has delivered. */
final class Run {

    enum State { RUNNING, COMPLETED, CANCELLED, FAILED }

    private final String id;
    private final Instant createdAt;
    private final RunPlan plan;
    private final Pipeline<SourceItem, Rendered> pipeline;
    private final MirrorBoard mirrors;
    private final OutcomeLog outcomes;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Long total;
    private volatile State state = State.RUNNING;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile Disposable subscription;

    Run(String id, Instant createdAt, RunPlan plan, Pipeline<SourceItem, Rendered> pipeline, MirrorBoard mirrors,
        OutcomeLog outcomes) {
        this.id = id;
        this.createdAt = createdAt;
        this.plan = plan;
        this.pipeline = pipeline;
        this.mirrors = mirrors;
        this.outcomes = outcomes;
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

    /** The delivered outcomes; empty and closed at once for runs that deliver elsewhere. */
    OutcomeLog outcomes() {
        return outcomes;
    }

    boolean running() {
        return state == State.RUNNING;
    }

    void attach(Disposable subscription) {
        this.subscription = subscription;
    }

    /**
     * Counts an item that left the deliver stage and, when its content went elsewhere or its delivery failed, keeps
     * its record: every item stays listed in the run's results, and a failed delivery is never lost.
     *
     * @return the item's outcome
     */
    Outcome record(Envelope<Rendered> item) {
        (item.isFailed() ? failed : succeeded).incrementAndGet();
        Outcome outcome = Outcome.of(item, plan.format().wireName(), item.timings().nanos(Stage.DELIVER));
        boolean deliveryFailed = item.isFailed() && item.failure().stage() == Stage.DELIVER;
        if (plan.deliver().keepsContentElsewhere() || deliveryFailed) {
            outcomes.append(outcome.withoutContent());
        }
        return outcome;
    }

    void expanded(long items) {
        total = items;
    }

    /**
     * Ends the run once: the first end wins (a run that completes while it is being cancelled stays completed).
     *
     * @return whether this call ended the run
     */
    synchronized boolean finish(State end, String reason) {
        if (state != State.RUNNING) {
            return false;
        }
        error = reason;
        finishedAt = Instant.now();
        state = end;
        outcomes.close();
        return true;
    }

    /**
     * Stops the run's work — cancelling the pipeline cancels every stage's in-flight items, fetches included —
     * and then marks it cancelled; the outcomes delivered so far stand.
     *
     * @return false when the run had already ended (completed, failed or cancelled) before this call stopped it
     */
    boolean cancel() {
        if (!running()) {
            return false;
        }
        Disposable current = subscription;
        if (current != null) {
            // a streamed run ends itself as cancelled while its outcomes stop; a background run ends here
            current.dispose();
        }
        finish(State.CANCELLED, null);
        return state == State.CANCELLED;
    }

    RunStatus status() {
        return new RunStatus(id, state.name().toLowerCase(java.util.Locale.ROOT), createdAt, finishedAt,
                plan.format().wireName(), plan.ordered(), plan.deliver().to().wireName(),
                new RunStatus.Items(total, succeeded.get(), failed.get()), pipeline.snapshot(), mirrors.snapshot(), error);
    }
}
