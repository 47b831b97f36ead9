package dev.cartage.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.cartage.deliver.Outcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A store whose driver blocks, moved off the caller's thread: H2's R2DBC driver runs the embedded database's JDBC
 * calls (file locks, disk writes) on whichever thread subscribes, which must never be an event loop. Every call is
 * subscribed on a bounded scheduler meant for blocking work; PostgreSQL's driver is non-blocking and needs none of it.
 */
public final class OffloadedRunStore implements RunStore {

    private final RunStore store;
    private final Scheduler blocking;

    public OffloadedRunStore(RunStore store, Scheduler blocking) {
        this.store = store;
        this.blocking = blocking;
    }

    @Override
    public boolean singleProcess() {
        return store.singleProcess();
    }

    @Override
    public Mono<Void> insert(StoredRun run) {
        return store.insert(run).subscribeOn(blocking);
    }

    @Override
    public Mono<StoredRun> find(String id) {
        return store.find(id).subscribeOn(blocking);
    }

    @Override
    public Flux<StoredRun> newestFirst(int limit) {
        return store.newestFirst(limit).subscribeOn(blocking);
    }

    @Override
    public Mono<Renewal> renew(String id, String owner, Instant leaseUntil, RunProgress progress) {
        return store.renew(id, owner, leaseUntil, progress).subscribeOn(blocking);
    }

    @Override
    public Mono<Boolean> finish(String id, String owner, RunState end, Instant at, String error, RunProgress progress) {
        return store.finish(id, owner, end, at, error, progress).subscribeOn(blocking);
    }

    @Override
    public Mono<Boolean> requestCancel(String id) {
        return store.requestCancel(id).subscribeOn(blocking);
    }

    @Override
    public Mono<StoredRun> claim(String id, Set<RunState> from, String owner, Instant leaseUntil) {
        return store.claim(id, from, owner, leaseUntil).subscribeOn(blocking);
    }

    @Override
    public Flux<String> interruptExpired(Instant now, String reason) {
        return store.interruptExpired(now, reason).subscribeOn(blocking);
    }

    @Override
    public Flux<String> interruptAll(Instant now, String reason) {
        return store.interruptAll(now, reason).subscribeOn(blocking);
    }

    @Override
    public Mono<Void> append(String runId, List<Outcome> outcomes) {
        return store.append(runId, outcomes).subscribeOn(blocking);
    }

    @Override
    public Mono<Void> replace(String runId, List<Outcome> outcomes) {
        return store.replace(runId, outcomes).subscribeOn(blocking);
    }

    @Override
    public Flux<StoredOutcome> outcomesAfter(String runId, long position, int limit) {
        return store.outcomesAfter(runId, position, limit).subscribeOn(blocking);
    }

    @Override
    public Mono<Outcome> outcome(String runId, long seq) {
        return store.outcome(runId, seq).subscribeOn(blocking);
    }

    @Override
    public Flux<Outcome> latest(String runId, int n) {
        return store.latest(runId, n).subscribeOn(blocking);
    }

    @Override
    public Flux<Long> seqs(String runId, boolean failedOnly) {
        return store.seqs(runId, failedOnly).subscribeOn(blocking);
    }

    @Override
    public Mono<OutcomeTotals> totals(String runId) {
        return store.totals(runId).subscribeOn(blocking);
    }

    @Override
    public Mono<Long> forget(Instant horizon, int maxRuns) {
        return store.forget(horizon, maxRuns).subscribeOn(blocking);
    }
}
