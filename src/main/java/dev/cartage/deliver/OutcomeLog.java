package dev.cartage.deliver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The outcomes a run has delivered to the store, in delivery order, and a way to follow them live.
 *
 * <p>Bounded: it keeps at most {@code maxOutcomes} records and {@code maxContentChars} characters of content in all; an outcome that would go
 * over keeps its record but loses its content, marked in its {@code content} as elided, so a reader still sees one
 * outcome per item. Readers follow it with {@link #follow()}, which replays what is there and then waits for more
 * until the log is closed, asking for the next outcomes only when their subscriber asks.
 */
public final class OutcomeLog {

    private static final int BATCH = 256;

    private final long maxContentChars;
    private final int maxOutcomes;
    private long omitted;
    private final List<Outcome> outcomes = new ArrayList<>();
    private long contentChars;
    private boolean closed;
    private Sinks.Empty<Void> changed = Sinks.empty();

    /**
     * @param maxContentChars content kept in all, in characters
     * @param maxOutcomes     records kept; later ones are counted in {@link #omitted()} and not kept
     */
    public OutcomeLog(long maxContentChars, int maxOutcomes) {
        this.maxContentChars = maxContentChars;
        this.maxOutcomes = maxOutcomes;
    }

    /** Adds an outcome and wakes every follower. */
    public void append(Outcome outcome) {
        Sinks.Empty<Void> wake;
        synchronized (this) {
            if (outcomes.size() >= maxOutcomes) {
                omitted++;
                return;
            }
            outcomes.add(withinBudget(outcome));
            wake = changed;
            changed = Sinks.empty();
        }
        wake.tryEmitEmpty();
    }

    /** No more outcomes will come: followers end once they have read everything. */
    public void close() {
        Sinks.Empty<Void> wake;
        synchronized (this) {
            closed = true;
            wake = changed;
        }
        wake.tryEmitEmpty();
    }

    /** Outcomes not kept because the log already held its maximum. */
    public synchronized long omitted() {
        return omitted;
    }

    public synchronized int size() {
        return outcomes.size();
    }

    /**
     * The outcome of item {@code seq} if it has been kept, as {@link #follow()} would give it; a linear look through
     * at most {@code maxOutcomes} records, for a person opening one item's page.
     */
    public synchronized Optional<Outcome> find(long seq) {
        for (Outcome outcome : outcomes) {
            if (outcome.seq() == seq) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

    /** The last {@code n} outcomes kept, newest first: what a live view shows of a long run. */
    public synchronized List<Outcome> latest(int n) {
        List<Outcome> latest = new ArrayList<>(outcomes.subList(Math.max(0, outcomes.size() - n), outcomes.size()));
        Collections.reverse(latest);
        return latest;
    }

    /** Every outcome so far and every one to come, ending when the log is closed. */
    public Flux<Outcome> follow() {
        return Flux.defer(() -> {
            int[] cursor = {0};
            return Mono.defer(() -> nextBatch(cursor))
                    .repeat()
                    .takeUntil(Batch::last)
                    .concatMapIterable(Batch::outcomes, 1);
        });
    }

    private Mono<Batch> nextBatch(int[] cursor) {
        Mono<Void> wakeUp;
        synchronized (this) {
            if (cursor[0] < outcomes.size()) {
                int end = Math.min(outcomes.size(), cursor[0] + BATCH);
                List<Outcome> batch = List.copyOf(outcomes.subList(cursor[0], end));
                cursor[0] = end;
                return Mono.just(new Batch(batch, closed && end == outcomes.size()));
            }
            if (closed) {
                return Mono.just(new Batch(List.of(), true));
            }
            wakeUp = changed.asMono();
        }
        return wakeUp.thenReturn(new Batch(List.of(), false));
    }

    private Outcome withinBudget(Outcome outcome) {
        if (outcome.content() == null) {
            return outcome;
        }
        if (contentChars + outcome.content().length() > maxContentChars) {
            return new Outcome(outcome.seq(), outcome.source(), outcome.status(), outcome.format(), outcome.mediaType(),
                    outcome.title(), "[content elided: the run's store is full (cartage.runs.max-content-per-run)]",
                    null, outcome.timings());
        }
        contentChars += outcome.content().length();
        return outcome;
    }

    private record Batch(List<Outcome> outcomes, boolean last) {
    }
}
