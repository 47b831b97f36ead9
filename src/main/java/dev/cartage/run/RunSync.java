package dev.cartage.run;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.cartage.store.RootCause;
import dev.cartage.store.RunState;
import dev.cartage.store.RunStore;
import dev.cartage.store.StoreMigrations;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What keeps the processes that share a store in step, every {@code cartage.runs.sync}: this process renews the
 * leases of the runs it runs and stores their progress (which is what other replicas show), stops those whose cancel
 * was asked for elsewhere, stores the ends it could not store before, marks interrupted the runs of owners that
 * stopped renewing, and forgets expired runs. At startup, once the store is ready, it first marks interrupted what
 * was left running by a process that is gone: every running run of a store no other process can use, else those
 * whose lease has ended.
 */
@Component
class RunSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunSync.class);
    static final String OWNER_GONE = "its process stopped before it ended (it crashed, was killed, or ran out of "
            + "drain time): POST /api/runs/{id}/resume continues it";

    private final LiveRuns live;
    private final RunStore store;
    private final StoreMigrations migrations;
    private final RunService runs;
    private final RunOwner owner;
    private final RunProperties properties;
    private volatile Disposable ticking;

    RunSync(LiveRuns live, RunStore store, StoreMigrations migrations, RunService runs, RunOwner owner,
            RunProperties properties) {
        this.live = live;
        this.store = store;
        this.migrations = migrations;
        this.runs = runs;
        this.owner = owner;
        this.properties = properties;
    }

    @Override
    public void start() {
        ticking = migrations.ready()
                .then(Mono.defer(this::interruptLeftovers))
                .thenMany(Flux.interval(properties.sync()).onBackpressureDrop())
                .concatMap(tick -> tick().onErrorResume(error -> {
                    log.warn("run store sync failed: {}", RootCause.message(error));
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Runs left running by a process that is gone. */
    private Mono<Void> interruptLeftovers() {
        Instant now = Instant.now();
        Flux<String> interrupted = store.singleProcess()
                ? store.interruptAll(now, OWNER_GONE)
                : store.interruptExpired(now, OWNER_GONE);
        return interrupted
                .doOnNext(id -> log.info("run {} was left running by a process that is gone: now interrupted", id))
                .onErrorResume(error -> {
                    log.warn("could not look for interrupted runs at startup: {}", RootCause.message(error));
                    return Mono.empty();
                })
                .then();
    }

    Mono<Void> tick() {
        Instant now = Instant.now();
        Mono<Void> own = Flux.fromIterable(live.all())
                .concatMap(run -> run.running() ? renew(run, now) : runs.storeEnd(run))
                .then();
        Mono<Void> others = store.interruptExpired(now, OWNER_GONE)
                .doOnNext(id -> log.info("run {} lost its owner (no lease renewal for {}): now interrupted", id,
                        properties.lease()))
                .then();
        Mono<Void> expired = store.forget(now.minus(properties.ttl()), properties.maxRuns()).then();
        return own.then(others).then(expired);
    }

    private Mono<Void> renew(Run run, Instant now) {
        return store.renew(run.id(), owner.name(), now.plus(properties.lease()), run.progress())
                .doOnNext(renewal -> {
                    switch (renewal) {
                        case CANCEL_REQUESTED:
                            log.info("run {} cancelled through another replica", run.id());
                            run.stop(RunState.CANCELLED, null);
                            break;
                        case LOST:
                            log.warn("run {} was taken from this process (its lease had ended): stopping it here",
                                    run.id());
                            run.stop(RunState.INTERRUPTED, OWNER_GONE);
                            break;
                        default:
                            break;
                    }
                })
                .then();
    }

    @Override
    public void stop() {
        Disposable current = ticking;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = ticking;
        return current != null && !current.isDisposed();
    }
}
