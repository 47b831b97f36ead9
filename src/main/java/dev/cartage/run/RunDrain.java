package dev.cartage.run;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.cartage.store.OutcomeFollower;
import dev.cartage.store.RunState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The graceful drain when the service stops. Spring stops this before the web server (a later phase stops
 * earlier), so while it drains the service still answers reads:
 * <ol>
 *   <li>readiness goes down at once, so Kubernetes sends no new requests;</li>
 *   <li>new runs (start, stream, resume, retry) are refused with 503 and {@code Retry-After};</li>
 *   <li>the runs going on here get {@code cartage.shutdown.drain} to end;</li>
 *   <li>those still running then are stopped and left {@code interrupted}: what they delivered is stored, and
 *   {@code POST /api/runs/{id}/resume} continues them on any replica; a streamed run's response ends with a last
 *   event that says the service is stopping;</li>
 *   <li>readers that follow runs of other replicas are ended, so the web server has no endless stream to wait for.</li>
 * </ol>
 */
@Component
class RunDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunDrain.class);
    static final String STOPPING = "the service is stopping; start the run again shortly (another replica takes it)";
    static final String DRAIN_RAN_OUT = "the service stopped before the run ended (it had cartage.shutdown.drain to "
            + "end): POST /api/runs/{id}/resume continues it";
    static final String STREAM_CUT = "the service stopped before the run ended; its sources came with its request: "
            + "send the items it did not deliver again";
    /** How long the interrupted runs get to store what they delivered and their end. */
    private static final Duration FLUSH = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(100);

    private final LiveRuns live;
    private final RunService runs;
    private final OutcomeFollower followers;
    private final ShutdownProperties shutdown;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private volatile boolean drained;

    RunDrain(LiveRuns live, RunService runs, OutcomeFollower followers, ShutdownProperties shutdown,
             ApplicationEventPublisher events) {
        this.live = live;
        this.runs = runs;
        this.followers = followers;
        this.shutdown = shutdown;
        this.events = events;
    }

    /**
     * Takes runs: at startup, and again when a stopped context is started again (Spring's test framework stops the
     * contexts it caches while they are not in use).
     */
    @Override
    public void start() {
        if (drained) {
            drained = false;
            runs.refuseNewRuns(null);
            followers.reopen();
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("stopped with a callback, asynchronously");
    }

    /** Drains without holding the thread that stops the application: the callback says when it is done. */
    @Override
    public void stop(Runnable done) {
        running = false;
        drained = true;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        runs.refuseNewRuns(STOPPING);
        Instant started = Instant.now();
        int draining = live.all().size();
        log.info("stopping: not ready, taking no new runs; {} run{} here get {} s to end", draining,
                draining == 1 ? "" : "s", shutdown.drain().toSeconds());
        drain().doFinally(signal -> {
            followers.close();
            log.info("drained in {} ms", Duration.between(started, Instant.now()).toMillis());
            done.run();
        }).subscribe();
    }

    Mono<Void> drain() {
        return untilNoLiveRuns(shutdown.drain())
                .onErrorResume(timeout -> Mono.defer(() -> {
                    long left = live.all().stream().filter(run -> run.stop(RunState.INTERRUPTED,
                            run.resumable() ? DRAIN_RAN_OUT : STREAM_CUT)).count();
                    log.warn("drain time ran out: {} run{} left interrupted, resumable", left, left == 1 ? "" : "s");
                    return untilNoLiveRuns(FLUSH).onErrorResume(stillThere -> {
                        log.warn("{} run{} could not store their end in time; another replica marks them interrupted "
                                + "once their lease ends", live.all().size(), live.all().size() == 1 ? "" : "s");
                        return Mono.empty();
                    });
                }));
    }

    /** Completes once no run is live here; fails after {@code limit}. */
    private Mono<Void> untilNoLiveRuns(Duration limit) {
        return Flux.interval(Duration.ZERO, POLL)
                .filter(tick -> live.all().isEmpty())
                .next()
                .timeout(limit)
                .then();
    }

    /** After the default phase: stopped before the web server, whose graceful shutdown waits for the answers. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
