package dev.cartage.store;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Brings the database's schema up to date (db/migration, Flyway over JDBC) before the store is used, and keeps trying
 * while the database cannot be reached: the process stays up, not ready, and says why in one log line per attempt,
 * instead of failing to start and restarting in a loop of stack traces. The store is {@link #ready()} once migrated.
 */
public final class StoreMigrations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreMigrations.class);

    private final MigrationTarget target;
    private final Duration retryEvery;
    private final Sinks.One<Void> migrated = Sinks.one();
    private volatile String problem = "the schema has not been checked yet";
    private volatile Disposable migrating;

    /**
     * @param target     where the schema lives; null for a store without a database, which is ready at once
     * @param retryEvery how long to wait between attempts while the database cannot be reached
     */
    public StoreMigrations(MigrationTarget target, Duration retryEvery) {
        this.target = target;
        this.retryEvery = retryEvery;
        if (target == null) {
            problem = null;
            migrated.tryEmitEmpty();
        }
    }

    /**
     * Migrates in the background until it succeeds. Subscribed once, at startup; migrating blocks (JDBC), so it runs
     * on the bounded elastic scheduler.
     */
    public Mono<Void> migrate() {
        if (target == null) {
            return Mono.empty();
        }
        return Mono.fromRunnable(this::migrateOnce)
                .subscribeOn(Schedulers.boundedElastic())
                .doOnError(this::failed)
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, retryEvery))
                .doOnSuccess(done -> {
                    problem = null;
                    migrated.tryEmitEmpty();
                })
                .then();
    }

    private void failed(Throwable error) {
        problem = "the run store's database cannot be reached or migrated at " + target.url() + ": "
                + RootCause.message(error);
        log.warn("{}; trying again in {} s, and not ready until then", problem, retryEvery.toSeconds());
    }

    private void migrateOnce() {
        Flyway flyway = Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations("classpath:db/migration")
                .connectRetries(0)
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        log.info("run store: database at {} is ready ({} migration{} applied)", target.url(), applied,
                applied == 1 ? "" : "s");
    }

    /**
     * Migrates as the application starts, before the web server takes requests: the first attempt on the starting
     * thread (startup may wait for its database), and when that fails, the next ones in the background while the
     * process serves what needs no store and says it is not ready.
     */
    @Override
    public void start() {
        if (target == null) {
            return;
        }
        try {
            migrateOnce();
            problem = null;
            migrated.tryEmitEmpty();
        } catch (RuntimeException error) {
            failed(error);
            migrating = migrate().delaySubscription(retryEvery).subscribe();
        }
    }

    /** Before the web server starts, which Spring starts in an earlier phase than the default. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    @Override
    public void stop() {
        Disposable current = migrating;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = migrating;
        return current != null && !current.isDisposed();
    }

    /** Completes once the schema is up to date. */
    public Mono<Void> ready() {
        return migrated.asMono();
    }

    public boolean isReady() {
        return problem == null;
    }

    /** Why the store is not ready; null once it is. */
    public String problem() {
        return problem;
    }

    /**
     * The JDBC coordinates of the store's database.
     *
     * @param url      a JDBC URL
     * @param user     may be null
     * @param password may be null
     */
    public record MigrationTarget(String url, String user, String password) {
    }
}
