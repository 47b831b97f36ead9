package dev.cartage.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.cartage.deliver.Outcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs and their outcomes, shared by every process that uses the same store. A run is owned by the process that
 * runs it through a lease: the owner renews it with its progress, and any process marks a run whose lease ran out
 * {@link RunState#INTERRUPTED}. Writes that only the owner may make name the owner and change nothing once another
 * process has taken the run from it, so a stalled owner that wakes up cannot undo what others decided.
 *
 * <p>Every method is non-blocking. A run's outcomes are unique by seq: storing one again changes nothing, unless it
 * is {@linkplain #replace replaced} on purpose.
 */
public interface RunStore {

    /** Whether this store is one process's alone (memory, or an embedded database file the process locks). */
    boolean singleProcess();

    Mono<Void> insert(StoredRun run);

    Mono<StoredRun> find(String id);

    /** The newest runs first, at most {@code limit}. */
    Flux<StoredRun> newestFirst(int limit);

    /**
     * Extends the owner's lease and stores its progress; also tells the owner whether someone asked to cancel it.
     *
     * @return {@link Renewal#LOST} when the run is no longer this owner's running run (it was interrupted meanwhile)
     */
    Mono<Renewal> renew(String id, String owner, Instant leaseUntil, RunProgress progress);

    /** Ends the owner's run with its last progress; false when it was no longer the owner's running run. */
    Mono<Boolean> finish(String id, String owner, RunState end, Instant at, String error, RunProgress progress);

    /** Asks the owner of a running run to cancel it (it sees the request when it next renews); false if not running. */
    Mono<Boolean> requestCancel(String id);

    /**
     * Takes an ended run for {@code owner} again (resume, retry), if it is in one of {@code from}: it is running
     * again, with a fresh lease, no end and no error.
     *
     * @return the run as it was before it was taken; empty when it is unknown or not in one of {@code from}
     */
    Mono<StoredRun> claim(String id, Set<RunState> from, String owner, Instant leaseUntil);

    /** Marks every running run whose lease ended before {@code now} interrupted; gives their ids. */
    Flux<String> interruptExpired(Instant now, String reason);

    /** Marks every running run interrupted, whoever owns it: at startup, for a store only one process uses. */
    Flux<String> interruptAll(Instant now, String reason);

    /** Stores outcomes of a run; an outcome whose seq is already stored is left as it was. */
    Mono<Void> append(String runId, List<Outcome> outcomes);

    /** Stores outcomes of a run in place of any stored with the same seqs, after every other outcome. */
    Mono<Void> replace(String runId, List<Outcome> outcomes);

    /** A page of a run's outcomes stored after {@code position}, oldest first, at most {@code limit}. */
    Flux<StoredOutcome> outcomesAfter(String runId, long position, int limit);

    Mono<Outcome> outcome(String runId, long seq);

    /** The last {@code n} outcomes stored, newest first. */
    Flux<Outcome> latest(String runId, int n);

    /** The seqs of a run's stored outcomes, all or only the failed ones, in no particular order. */
    Flux<Long> seqs(String runId, boolean failedOnly);

    /**
     * How many outcomes a run has stored, how many of them failed, and the characters of content they hold: for its
     * caps, and for its counters when it goes on.
     */
    Mono<OutcomeTotals> totals(String runId);

    /**
     * Forgets ended runs that ended before {@code horizon}, then the oldest ended runs beyond {@code maxRuns}; their
     * outcomes go with them. Running runs are never forgotten.
     *
     * @return how many runs were forgotten
     */
    Mono<Long> forget(Instant horizon, int maxRuns);

    /** What an owner learns when it renews its lease. */
    enum Renewal { HELD, CANCEL_REQUESTED, LOST }

    /**
     * @param outcomes     outcome records stored
     * @param contentChars characters of content stored
     * @param failed       of those outcomes, the failed ones
     */
    record OutcomeTotals(long outcomes, long contentChars, long failed) {
    }

}
