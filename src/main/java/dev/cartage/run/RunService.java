package dev.cartage.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.cartage.deliver.Outcome;
import dev.cartage.deliver.OutcomeSink;
import dev.cartage.deliver.OutcomeSinks;
import dev.cartage.fetch.mirror.MirrorBoard;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.Pipeline;
import dev.cartage.render.Rendered;
import dev.cartage.source.SourceExpander;
import dev.cartage.source.SourceItem;
import dev.cartage.store.OutcomeFollower;
import dev.cartage.store.RootCause;
import dev.cartage.store.RunProgress;
import dev.cartage.store.RunState;
import dev.cartage.store.RunStore;
import dev.cartage.store.StoreMigrations;
import dev.cartage.store.StoredRun;
import dev.cartage.web.ConflictException;
import dev.cartage.web.NotFoundException;
import dev.cartage.web.UnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Starts runs, continues them, and answers for them from wherever they are: this process's live runs first, then the
 * store, which every replica shares. This is the edge that subscribes to a background run's pipeline: nothing inside
 * the pipeline subscribes. A run asked to stop (cancel, drain, a lost lease) stops its pipeline at its edge, which
 * cancels every stage. Each run's outcomes are stored in batches on their way out ({@link #recorded}), and its end is
 * stored once it has ended, however it ended.
 */
@Service
class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    /** Outcomes stored per write, and how long a partial batch may wait for more. */
    static final int BATCH = 256;
    static final Duration BATCH_WAIT = Duration.ofMillis(50);
    /** A store write that fails is tried again for about ten seconds before the run gives up. */
    private static final Retry STORE_RETRY = Retry.backoff(8, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2));
    /** How long a replica that does not own a run waits for its owner to confirm a cancel. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);
    /** How long a request waits for a store that is still being migrated before it is refused. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Set<RunState> RESUMABLE = Set.of(RunState.INTERRUPTED, RunState.CANCELLED, RunState.FAILED);
    private static final Set<RunState> ENDED = Set.of(RunState.COMPLETED, RunState.CANCELLED, RunState.FAILED,
            RunState.INTERRUPTED);

    private final CartageStages stages;
    private final SourceExpander expander;
    private final LiveRuns live;
    private final RunStore store;
    private final OutcomeFollower follower;
    private final StoreMigrations migrations;
    private final RunProperties properties;
    private final OutcomeSinks sinks;
    private final RunRequestReader reader;
    private final ObjectMapper json;
    private final RunOwner owner;
    private volatile String refusing;

    RunService(CartageStages stages, SourceExpander expander, LiveRuns live, RunStore store, OutcomeFollower follower,
               StoreMigrations migrations, RunProperties properties, OutcomeSinks sinks, RunRequestReader reader,
               ObjectMapper json, RunOwner owner) {
        this.stages = stages;
        this.expander = expander;
        this.live = live;
        this.store = store;
        this.follower = follower;
        this.migrations = migrations;
        this.properties = properties;
        this.sinks = sinks;
        this.reader = reader;
        this.json = json;
        this.owner = owner;
    }

    /**
     * Checks the request, stores the run and starts it in the background; the run is in the store, for every
     * replica to find, before this completes.
     */
    Mono<Run> start(JsonNode request) {
        // checking a directory destination reads the file system (real paths, symbolic links): not on an event loop
        return Mono.fromSupplier(() -> reader.read(request))
                .subscribeOn(Schedulers.boundedElastic())
                .delayUntil(plan -> accepting())
                .flatMap(plan -> {
                    String id = newId();
                    Run run = newRun(id, Instant.now(), plan, budget(0, 0), RunProgress.NONE, Set.of(), true,
                            delivering(sinks.open(id, plan.deliver()), plan.format().wireName()));
                    return store.insert(run.stored(json.writeValueAsString(request), planned(plan), owner.name(),
                                    leaseEnd()))
                            .onErrorMap(RunService::storeDown)
                            .then(Mono.fromSupplier(() -> launch(run, counted(run, expander.expand(plan.sources())))))
                            .flatMap(started -> store.forget(Instant.now().minus(properties.ttl()), properties.maxRuns())
                                    .onErrorResume(error -> Mono.empty())
                                    .thenReturn(started));
                });
    }

    /**
     * A run tied to its caller ({@code POST /api/pipeline}): the returned outcomes are the run's edge, so whoever
     * subscribes drives it — its demand is the pipeline's demand, and cancelling (a client that disconnects)
     * cancels the run. The run is stored from the moment the outcomes are subscribed to; a DELETE ends the
     * outcomes there, and the run is then {@code cancelled}. Its sources came with the request, so it cannot be
     * resumed.
     */
    StreamedRun stream(RunPlan plan, Flux<Envelope<SourceItem>> sources) {
        // checked before the answer starts: once it has, a refusal could no longer be a 503
        refuseIfStopping();
        if (!migrations.isReady()) {
            throw storeNotReady();
        }
        String id = newId();
        // the response is the sink: an item is delivered once it leaves for the response stream
        Run run = newRun(id, Instant.now(), plan, budget(0, 0), RunProgress.NONE, Set.of(), false,
                item -> Mono.empty());
        Mono<Run> stored = Mono.defer(() -> store.insert(run.stored(null, planned(plan), owner.name(), leaseEnd())))
                .onErrorMap(RunService::storeDown)
                .then(Mono.fromSupplier(() -> {
                    live.add(run);
                    return run;
                }));
        Flux<Outcome> outcomes = Flux.usingWhen(stored,
                r -> recorded(r, r.pipeline().run(counted(r, sources)).takeUntilOther(r.stopSignal()).map(r::record)),
                r -> end(r, RunState.COMPLETED, null),
                (r, error) -> {
                    log.warn("streamed run {} failed", r.id(), error);
                    return end(r, RunState.FAILED, error.getMessage());
                },
                r -> end(r, RunState.CANCELLED, "the client disconnected"));
        Mono<String> interrupted = Mono.fromSupplier(() -> run.state() == RunState.INTERRUPTED ? run.error() : null);
        return new StreamedRun(id, outcomes, interrupted);
    }

    /**
     * A streamed run's id (for {@code X-Run-Id}), its outcomes, which run it when subscribed to, and, once they have
     * ended, why the service stopped it before it ended (it was stopping), if it did.
     */
    record StreamedRun(String id, Flux<Outcome> outcomes, Mono<String> interrupted) {
    }

    /**
     * Continues an interrupted, cancelled or failed run in this process: its sources are expanded again and only the
     * items with no stored outcome go through; same id, same counters going on from where they were.
     */
    Mono<RunStatus> resume(String id) {
        return continued(id, RESUMABLE, false);
    }

    /** Runs again the items of an ended run whose outcome failed, replacing those outcomes. */
    Mono<RunStatus> retry(String id) {
        return continued(id, ENDED, true);
    }

    private Mono<RunStatus> continued(String id, Set<RunState> from, boolean failedOnly) {
        String verb = failedOnly ? "retried" : "resumed";
        return accepting()
                .then(stored(id))
                .flatMap(before -> {
                    if (before.running()) {
                        return Mono.error(new ConflictException("run '" + id + "' is still running; only an ended run can be " + verb));
                    }
                    if (!from.contains(before.state())) {
                        return Mono.error(new ConflictException("run '" + id + "' has " + before.state().wireName()
                                + ": nothing is left to resume; POST /api/runs/" + id + "/retry runs its failed items again"));
                    }
                    if (!before.continuable()) {
                        return Mono.error(new ConflictException("run '" + id + "' took its sources from its own HTTP "
                                + "request (/api/pipeline), which cannot be read again: it cannot be " + verb));
                    }
                    return Mono.fromSupplier(() -> reader.read(json.readTree(before.request())))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(plan -> store.seqs(id, failedOnly).collect(HashSet<Long>::new, Set::add)
                                    .zipWith(store.totals(id))
                                    .flatMap(known -> {
                                        if (failedOnly && known.getT1().isEmpty()) {
                                            return Mono.error(new ConflictException("run '" + id
                                                    + "' has no failed outcome to retry"));
                                        }
                                        return store.claim(id, from, owner.name(), leaseEnd())
                                                .switchIfEmpty(Mono.error(() -> new ConflictException("run '" + id
                                                        + "' changed while it was being " + verb + "; ask again")))
                                                .map(claimed -> continueRun(claimed, plan, known.getT1(),
                                                        known.getT2(), failedOnly));
                                    }));
                })
                .onErrorMap(RunService::storeDown);
    }

    private RunStatus continueRun(StoredRun claimed, RunPlan plan, Set<Long> seqs, RunStore.OutcomeTotals totals,
                                  boolean failedOnly) {
        Set<Long> replacing = failedOnly ? Set.copyOf(seqs) : Set.of();
        long keptBefore = totals.outcomes() - replacing.size();
        // the counters go on from the stored outcomes, which are what this run skips: the progress stored with the
        // lease may count outcomes that were never stored, or miss some that were
        RunProgress sofar = new RunProgress(claimed.progress().total(), totals.outcomes() - totals.failed(),
                totals.failed(), claimed.progress().stages(), claimed.progress().mirrors());
        Run run = newRun(claimed.id(), claimed.createdAt(), plan, budget(keptBefore, totals.contentChars()),
                sofar, replacing, true, delivering(sinks.open(claimed.id(), plan.deliver()),
                        plan.format().wireName()));
        Flux<Envelope<SourceItem>> items = counted(run, expander.expand(plan.sources()))
                .filter(item -> failedOnly == seqs.contains(item.seq()));
        launch(run, items);
        log.info("run {} {} in this process: {} items {}", run.id(), failedOnly ? "retried" : "resumed", seqs.size(),
                failedOnly ? "to run again" : "already had an outcome and are skipped");
        return run.status();
    }

    /** The run as it is now: live in this process, or as the store has it. */
    Mono<RunStatus> status(String id) {
        return Mono.defer(() -> live.find(id).map(run -> Mono.just(run.status()))
                .orElseGet(() -> stored(id).map(RunStatus::of)));
    }

    /** Whether this process runs the run now, so that its live counters are at hand. */
    boolean runsHere(String id) {
        return live.find(id).isPresent();
    }

    /** The run's status and the items its request gave ahead of expansion, for its page. */
    Mono<Shown> shown(String id) {
        return Mono.defer(() -> live.find(id).map(run -> Mono.just(new Shown(run.status(), planned(run.plan()), run.resumable())))
                .orElseGet(() -> stored(id).map(RunService::shown)));
    }

    /** {@link #shown} of the newest runs first, at most {@code cartage.runs.max-runs}. */
    Flux<Shown> shownRuns() {
        return store.newestFirst(properties.maxRuns())
                .map(stored -> live.find(stored.id()).map(run -> new Shown(run.status(), stored.planned(), run.resumable()))
                        .orElseGet(() -> shown(stored)))
                .onErrorMap(RunService::storeDown);
    }

    private static Shown shown(StoredRun stored) {
        return new Shown(RunStatus.of(stored), stored.planned(), stored.continuable());
    }

    /**
     * A run as pages show it.
     *
     * @param status  its status
     * @param planned     items its request gives ahead of expansion; null when unknown
     * @param continuable whether it can be resumed or retried once it has ended (its sources can be read again)
     */
    record Shown(RunStatus status, Long planned, boolean continuable) {
    }

    /** The newest runs first, at most {@code cartage.runs.max-runs}. */
    Flux<RunStatus> runs() {
        return store.newestFirst(properties.maxRuns())
                .map(stored -> live.find(stored.id()).map(Run::status).orElseGet(() -> RunStatus.of(stored)))
                .onErrorMap(RunService::storeDown);
    }

    /**
     * Cancels a running run wherever it runs: here at once, on another replica through the store, whose owner sees
     * the request within {@code cartage.runs.sync} and stops it; the answer waits for that, up to a few seconds.
     */
    Mono<RunStatus> cancel(String id) {
        return Mono.defer(() -> cancelHereOrThere(id));
    }

    private Mono<RunStatus> cancelHereOrThere(String id) {
        return live.find(id)
                .map(run -> {
                    if (!run.stop(RunState.CANCELLED, null)) {
                        return Mono.<RunStatus>error(alreadyEnded(id, run.status().status()));
                    }
                    return Mono.just(run.status());
                })
                .orElseGet(() -> stored(id).flatMap(before -> {
                    if (!before.running()) {
                        return Mono.error(alreadyEnded(id, before.state().wireName()));
                    }
                    return store.requestCancel(id)
                            .then(Mono.defer(() -> stored(id))
                                    .filter(run -> run.state().ended())
                                    .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(200)))
                                    .timeout(CANCEL_WAIT, stored(id)))
                            .map(RunStatus::of);
                }))
                .onErrorMap(RunService::storeDown);
    }

    /** Every outcome the run has stored and every one to come, until it ends. */
    Flux<Outcome> outcomes(String id) {
        return stored(id).flatMapMany(run -> follower.follow(id)).onErrorMap(RunService::storeDown);
    }

    /** The last {@code n} outcomes stored, newest first: what a page shows of a long run. */
    Mono<List<Outcome>> latest(String id, int n) {
        return n == 0 ? Mono.just(List.of()) : store.latest(id, n).collectList().onErrorMap(RunService::storeDown);
    }

    /** One stored outcome. */
    Mono<Outcome> outcome(String id, long seq) {
        return store.outcome(id, seq).onErrorMap(RunService::storeDown);
    }

    /** The stored run, or a 404 that says why it may be gone. */
    Mono<StoredRun> stored(String id) {
        return store.find(id)
                .onErrorMap(RunService::storeDown)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no run with id '" + id
                        + "': it never existed or was forgotten (a finished run is kept for cartage.runs.ttl, and at most cartage.runs.max-runs are kept)")));
    }

    /** Items a request gives ahead of expansion, for pages to show a run's progress; null when unknown. */
    static Long planned(RunPlan plan) {
        OptionalLong ahead = plan.sources().isEmpty() ? OptionalLong.empty() : SourceExpander.count(plan.sources());
        return ahead.isPresent() ? ahead.getAsLong() : null;
    }

    /**
     * Stops taking new runs (the process is stopping): every later request to start, stream, resume or retry is a
     * 503 that says why and when to come back; null takes runs again.
     */
    void refuseNewRuns(String why) {
        this.refusing = why;
    }

    /**
     * Completes when the service may take a new run: it is not stopping, and its store is ready — waiting a little
     * for a store still being migrated at startup, rather than refusing the first requests at once.
     */
    private Mono<Void> accepting() {
        return Mono.defer(() -> {
            refuseIfStopping();
            if (migrations.isReady()) {
                return Mono.empty();
            }
            return migrations.ready().timeout(STORE_WAIT, Mono.error(this::storeNotReady));
        });
    }

    private void refuseIfStopping() {
        String why = refusing;
        if (why != null) {
            throw new UnavailableException(why, RETRY_AFTER);
        }
    }

    private UnavailableException storeNotReady() {
        return new UnavailableException("the run store is not ready: " + migrations.problem(), RETRY_AFTER);
    }

    /**
     * Runs the run in the background: subscribes here, the edge; the run's stop signal stops it.
     *
     * @param items its items, counted ({@link #counted}) before any is skipped, so that {@code items.total} is the
     *              sources' whole count
     */
    private Run launch(Run run, Flux<Envelope<SourceItem>> items) {
        live.add(run);
        lifecycle(run, items).subscribe(
                outcome -> { },
                // the run's own failure, already logged and stored as its end by lifecycle(); storing an end never fails
                error -> { });
        return run;
    }

    /**
     * The run from start to stored end: its outcomes are stored, and its end, whichever way it ends. A stopped run
     * (cancelled, interrupted) stops its pipeline and then completes, once what came out before is stored.
     */
    private Flux<Outcome> lifecycle(Run run, Flux<Envelope<SourceItem>> items) {
        return Flux.usingWhen(Mono.just(run),
                r -> recorded(r, r.pipeline().run(items).takeUntilOther(r.stopSignal()).map(r::record)),
                r -> end(r, RunState.COMPLETED, null),
                (r, error) -> {
                    log.warn("run {} failed", r.id(), error);
                    return end(r, RunState.FAILED, error.getMessage());
                },
                r -> end(r, RunState.CANCELLED, null));
    }

    /**
     * The outcomes, each stored on its way past: what the run keeps of each is written in batches of up to
     * {@link #BATCH}, or what came within {@link #BATCH_WAIT}. The outcomes go on as fast as the slower of their
     * reader and the store, and end only once the last batch is stored; a store that stays unwritable fails the run,
     * and what was stored before stands.
     */
    private Flux<Outcome> recorded(Run run, Flux<Outcome> outcomes) {
        return outcomes.publish(shared -> Flux.merge(shared, shared
                .mapNotNull(run::kept)
                .bufferTimeout(BATCH, BATCH_WAIT, true)
                .concatMap(batch -> write(run, batch), 1)
                .thenMany(Flux.<Outcome>empty())), BATCH);
    }

    private Mono<Void> write(Run run, List<Outcome> batch) {
        Mono<Void> write = run.replaces() ? store.replace(run.id(), batch) : store.append(run.id(), batch);
        return write.retryWhen(STORE_RETRY)
                .onErrorMap(error -> new IllegalStateException("the run store could not be written ("
                        + RootCause.message(error) + "); the outcomes stored before stand", error))
                .doOnSuccess(done -> follower.stored(run.id()));
    }

    /** Ends the run, if nothing ended it before, and stores its end. */
    private Mono<Void> end(Run run, RunState state, String reason) {
        return Mono.defer(() -> {
            run.finish(state, reason);
            return storeEnd(run);
        });
    }

    /**
     * Stores how the run ended, then forgets it here. A store that cannot be written keeps the run here, ended, and
     * the next sync tries again ({@link RunSync}).
     */
    Mono<Void> storeEnd(Run run) {
        return store.finish(run.id(), owner.name(), run.state(), run.finishedAt(), run.error(), run.progress())
                .retryWhen(STORE_RETRY)
                // not written: the store has its end already, from this process (the sync and the run itself can both
                // store an ended run's end) or from another that marked it interrupted
                .flatMap(written -> written ? Mono.<StoredRun>empty()
                        : store.find(run.id()).filter(stored -> stored.state() != run.state()))
                .doOnNext(stored -> log.warn("run {} ended {} here, but the store had already marked it {}: the "
                        + "store's state stands", run.id(), run.state().wireName(), stored.state().wireName()))
                .then(Mono.fromRunnable(() -> {
                    live.remove(run);
                    follower.stored(run.id());
                }))
                .onErrorResume(error -> {
                    log.warn("run {} ended {}, but the store could not be told ({}); trying again at the next sync",
                            run.id(), run.state().wireName(), RootCause.message(error));
                    return Mono.empty();
                })
                .then();
    }

    private OutcomeBudget budget(long storedOutcomes, long storedChars) {
        return new OutcomeBudget(properties.maxContentPerRun().toBytes(), properties.maxOutcomesPerRun(),
                storedOutcomes, storedChars);
    }

    private Instant leaseEnd() {
        return Instant.now().plus(properties.lease());
    }

    /** A random run id. Not SecureRandom: its first use may block reading entropy, and this runs on an event loop. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "r-" + new UUID(random.nextLong(), random.nextLong());
    }

    /** A run of {@code plan} whose deliver stage does {@code deliver}, with its own mirror board. */
    private Run newRun(String id, Instant createdAt, RunPlan plan, OutcomeBudget budget, RunProgress sofar,
                       Set<Long> replacing, boolean resumable, Function<Envelope<Rendered>, Mono<Void>> deliver) {
        MirrorBoard mirrors = stages.mirrorBoard();
        Pipeline<SourceItem, Rendered> pipeline = stages.pipeline(plan.stages(), plan.format(), plan.ordered(), mirrors,
                deliver);
        return new Run(id, createdAt, plan, pipeline, mirrors, budget, sofar, replacing, resumable);
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

    private static ConflictException alreadyEnded(String id, String status) {
        return new ConflictException("run '" + id + "' has already ended (" + status
                + "); only a running run can be cancelled");
    }

    /** A store that cannot be reached is the service's trouble, not the request's: 503, try again. */
    private static Throwable storeDown(Throwable error) {
        if (error instanceof io.r2dbc.spi.R2dbcException || error instanceof org.springframework.dao.DataAccessException) {
            return new UnavailableException("the run store cannot be reached now (" + RootCause.message(error)
                    + "); try again shortly", RETRY_AFTER);
        }
        return error;
    }

}
