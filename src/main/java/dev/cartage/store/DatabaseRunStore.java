package dev.cartage.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import dev.cartage.deliver.Outcome;
import dev.cartage.fetch.mirror.MirrorSnapshot;
import dev.cartage.pipeline.StageSnapshot;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The store in a database through R2DBC: H2 in a data directory, or PostgreSQL shared by several replicas. One
 * schema for both (db/migration), written in SQL both understand (H2 runs in its PostgreSQL mode). Reads page
 * through outcomes by position, so no result set larger than a page is ever held; writes of outcomes go in batches,
 * one statement with a binding per outcome.
 */
public final class DatabaseRunStore implements RunStore {

    private static final TypeReference<List<StageSnapshot>> STAGES = new TypeReference<>() { };
    private static final TypeReference<List<MirrorSnapshot>> MIRRORS = new TypeReference<>() { };
    private static final String RUN_COLUMNS = "id, state, created_at, finished_at, format, ordered, deliver, request, "
            + "planned, total, succeeded, failed, stages, mirrors, error, owner, lease_until";
    private static final String PROGRESS = "total = :total, succeeded = :succeeded, failed = :failed, "
            + "stages = :stages, mirrors = :mirrors";

    private final DatabaseClient db;
    private final ObjectMapper json;
    private final boolean singleProcess;

    /**
     * @param singleProcess whether the database is this process's alone (an embedded H2 file, which H2 locks)
     */
    public DatabaseRunStore(DatabaseClient db, ObjectMapper json, boolean singleProcess) {
        this.db = db;
        this.json = json;
        this.singleProcess = singleProcess;
    }

    @Override
    public boolean singleProcess() {
        return singleProcess;
    }

    @Override
    public Mono<Void> insert(StoredRun run) {
        GenericExecuteSpec insert = db.sql("INSERT INTO run (" + RUN_COLUMNS + ") VALUES (:id, :state, :created_at, "
                        + ":finished_at, :format, :ordered, :deliver, :request, :planned, :total, :succeeded, :failed, "
                        + ":stages, :mirrors, :error, :owner, :lease_until)")
                .bind("id", run.id())
                .bind("state", run.state().wireName())
                .bind("created_at", time(run.createdAt()))
                .bind("format", run.format())
                .bind("ordered", run.ordered())
                .bind("deliver", run.deliver());
        insert = nullable(insert, "finished_at", time(run.finishedAt()), OffsetDateTime.class);
        insert = nullable(insert, "request", run.request(), String.class);
        insert = nullable(insert, "planned", run.planned(), Long.class);
        insert = nullable(insert, "error", run.error(), String.class);
        insert = nullable(insert, "owner", run.owner(), String.class);
        insert = nullable(insert, "lease_until", time(run.leaseUntil()), OffsetDateTime.class);
        return progress(insert, run.progress()).then();
    }

    @Override
    public Mono<StoredRun> find(String id) {
        return db.sql("SELECT " + RUN_COLUMNS + " FROM run WHERE id = :id").bind("id", id).map(this::run).one();
    }

    @Override
    public Flux<StoredRun> newestFirst(int limit) {
        return db.sql("SELECT " + RUN_COLUMNS + " FROM run ORDER BY created_at DESC LIMIT :limit")
                .bind("limit", limit).map(this::run).all();
    }

    @Override
    public Mono<Renewal> renew(String id, String owner, Instant leaseUntil, RunProgress progress) {
        GenericExecuteSpec renew = db.sql("UPDATE run SET lease_until = :lease_until, " + PROGRESS
                        + " WHERE id = :id AND owner = :owner AND state = 'running'")
                .bind("lease_until", time(leaseUntil)).bind("id", id).bind("owner", owner);
        return progress(renew, progress).flatMap(updated -> updated == 0 ? Mono.just(Renewal.LOST)
                : db.sql("SELECT cancel_requested FROM run WHERE id = :id").bind("id", id)
                        .map(row -> Boolean.TRUE.equals(row.get("cancel_requested", Boolean.class))).one()
                        .map(cancel -> cancel ? Renewal.CANCEL_REQUESTED : Renewal.HELD)
                        .defaultIfEmpty(Renewal.LOST));
    }

    @Override
    public Mono<Boolean> finish(String id, String owner, RunState end, Instant at, String error, RunProgress progress) {
        GenericExecuteSpec finish = db.sql("UPDATE run SET state = :state, finished_at = :at, error = :error, "
                        + "owner = NULL, lease_until = NULL, cancel_requested = FALSE, " + PROGRESS
                        + " WHERE id = :id AND owner = :owner AND state = 'running'")
                .bind("state", end.wireName()).bind("at", time(at)).bind("id", id).bind("owner", owner);
        return progress(nullable(finish, "error", error, String.class), progress).map(updated -> updated > 0);
    }

    @Override
    public Mono<Boolean> requestCancel(String id) {
        return db.sql("UPDATE run SET cancel_requested = TRUE WHERE id = :id AND state = 'running'")
                .bind("id", id).fetch().rowsUpdated().map(updated -> updated > 0);
    }

    @Override
    public Mono<StoredRun> claim(String id, Set<RunState> from, String owner, Instant leaseUntil) {
        List<String> states = from.stream().map(RunState::wireName).toList();
        // read first, then take it only if it is still as read: of two processes claiming at once, one wins
        return find(id)
                .filter(run -> from.contains(run.state()))
                .flatMap(run -> db.sql("UPDATE run SET state = 'running', finished_at = NULL, error = NULL, "
                                + "owner = :owner, lease_until = :lease_until, cancel_requested = FALSE "
                                + "WHERE id = :id AND state = :state AND state IN (:states)")
                        .bind("owner", owner).bind("lease_until", time(leaseUntil)).bind("id", id)
                        .bind("state", run.state().wireName()).bind("states", states)
                        .fetch().rowsUpdated()
                        .filter(updated -> updated > 0)
                        .map(updated -> run));
    }

    @Override
    public Flux<String> interruptExpired(Instant now, String reason) {
        return interrupt("state = 'running' AND lease_until < :now", now, reason);
    }

    @Override
    public Flux<String> interruptAll(Instant now, String reason) {
        return interrupt("state = 'running'", now, reason);
    }

    /** Finds the runs, then ends each one only if it still matches: a run renewed in between stays running. */
    private Flux<String> interrupt(String where, Instant now, String reason) {
        GenericExecuteSpec select = db.sql("SELECT id FROM run WHERE " + where);
        if (where.contains(":now")) {
            select = select.bind("now", time(now));
        }
        return select.map(row -> row.get("id", String.class)).all()
                .concatMap(id -> db.sql("UPDATE run SET state = 'interrupted', finished_at = :now, error = :reason, "
                                + "owner = NULL, lease_until = NULL, cancel_requested = FALSE WHERE id = :id AND " + where)
                        .bind("now", time(now)).bind("reason", reason).bind("id", id)
                        .fetch().rowsUpdated()
                        .filter(updated -> updated > 0)
                        .map(updated -> id));
    }

    @Override
    public Mono<Void> append(String runId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Mono.empty();
        }
        return db.inConnection(connection -> inTransaction(connection, insert(connection, runId, outcomes)));
    }

    @Override
    public Mono<Void> replace(String runId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Mono.empty();
        }
        // deleted and stored again rather than updated, so that they take new positions and followers see them
        return db.inConnection(connection -> {
            Statement delete = connection.createStatement("DELETE FROM outcome WHERE run_id = $1 AND seq = $2");
            for (int i = 0; i < outcomes.size(); i++) {
                if (i > 0) {
                    delete.add();
                }
                delete.bind(0, runId).bind(1, outcomes.get(i).seq());
            }
            return inTransaction(connection, rowsUpdated(delete).then(insert(connection, runId, outcomes)));
        });
    }

    /** One statement with a binding per outcome; an outcome whose seq is stored already is left as it was. */
    private Mono<Void> insert(Connection connection, String runId, List<Outcome> outcomes) {
        return Mono.defer(() -> {
            Statement insert = connection.createStatement("INSERT INTO outcome (run_id, seq, ok, record, content) "
                    + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING");
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome outcome = outcomes.get(i);
                if (i > 0) {
                    insert.add();
                }
                insert.bind(0, runId).bind(1, outcome.seq()).bind(2, outcome.ok())
                        .bind(3, json.writeValueAsString(outcome.withoutContent()));
                if (outcome.content() == null) {
                    insert.bindNull(4, String.class);
                } else {
                    insert.bind(4, outcome.content());
                }
            }
            return rowsUpdated(insert);
        });
    }

    private static Mono<Void> rowsUpdated(Statement statement) {
        return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).then();
    }

    /**
     * {@code work} as one transaction: a batch is one commit, not one per outcome (each of which is a log flush on
     * PostgreSQL), and a batch is stored whole or not at all.
     */
    private static Mono<Void> inTransaction(Connection connection, Mono<Void> work) {
        return Mono.from(connection.beginTransaction())
                .then(work)
                .then(Mono.from(connection.commitTransaction()))
                .onErrorResume(error -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollbackFailed -> Mono.empty())
                        .then(Mono.error(error)));
    }

    @Override
    public Flux<StoredOutcome> outcomesAfter(String runId, long position, int limit) {
        // ordered by the index's own columns (run_id is fixed): H2 then reads the index in order and stops after
        // the page, where ORDER BY position alone made it read and sort every remaining row of the run
        return db.sql("SELECT position, record, content FROM outcome WHERE run_id = :run AND position > :after "
                        + "ORDER BY run_id, position LIMIT :limit")
                .bind("run", runId).bind("after", position).bind("limit", limit)
                .map(row -> new StoredOutcome(row.get("position", Long.class), outcomeOf(row)))
                .all();
    }

    @Override
    public Mono<Outcome> outcome(String runId, long seq) {
        return db.sql("SELECT record, content FROM outcome WHERE run_id = :run AND seq = :seq")
                .bind("run", runId).bind("seq", seq)
                .map(this::outcomeOf).one();
    }

    @Override
    public Flux<Outcome> latest(String runId, int n) {
        // "position > 0" (always true) makes H2 read the (run_id, position) index backwards and stop after n rows;
        // without it, it takes the key's index on run_id alone and reads every outcome of the run
        return db.sql("SELECT record, content FROM outcome WHERE run_id = :run AND position > 0 "
                        + "ORDER BY run_id DESC, position DESC LIMIT :n")
                .bind("run", runId).bind("n", n)
                .map(this::outcomeOf).all();
    }

    @Override
    public Flux<Long> seqs(String runId, boolean failedOnly) {
        return db.sql("SELECT seq FROM outcome WHERE run_id = :run" + (failedOnly ? " AND ok = FALSE" : ""))
                .bind("run", runId)
                .map(row -> row.get("seq", Long.class)).all();
    }

    @Override
    public Mono<OutcomeTotals> totals(String runId) {
        return db.sql("SELECT COUNT(*) AS outcomes, COALESCE(SUM(CHAR_LENGTH(content)), 0) AS chars, "
                        + "COALESCE(SUM(CASE WHEN ok THEN 0 ELSE 1 END), 0) AS failed FROM outcome WHERE run_id = :run")
                .bind("run", runId)
                .map(row -> new OutcomeTotals(number(row, "outcomes"), number(row, "chars"), number(row, "failed")))
                .one();
    }

    @Override
    public Mono<Long> forget(Instant horizon, int maxRuns) {
        Mono<Long> expired = db.sql("DELETE FROM run WHERE state <> 'running' AND finished_at < :horizon")
                .bind("horizon", time(horizon)).fetch().rowsUpdated();
        Mono<Long> beyondLimit = db.sql("SELECT COUNT(*) AS runs FROM run").map(row -> number(row, "runs")).one()
                .flatMap(count -> count <= maxRuns ? Mono.just(0L)
                        : db.sql("DELETE FROM run WHERE id IN (SELECT id FROM run WHERE state <> 'running' "
                                        + "ORDER BY created_at LIMIT :excess)")
                                .bind("excess", count - maxRuns).fetch().rowsUpdated());
        // one after the other: the count must see the expired runs gone
        return expired.flatMap(gone -> beyondLimit.map(more -> gone + more));
    }

    private Mono<Long> progress(GenericExecuteSpec statement, RunProgress progress) {
        return nullable(statement, "total", progress.total(), Long.class)
                .bind("succeeded", progress.succeeded())
                .bind("failed", progress.failed())
                .bind("stages", json.writeValueAsString(progress.stages()))
                .bind("mirrors", json.writeValueAsString(progress.mirrors()))
                .fetch().rowsUpdated();
    }

    private StoredRun run(Readable row) {
        RunProgress progress = new RunProgress(row.get("total", Long.class), number(row, "succeeded"),
                number(row, "failed"), json.readValue(row.get("stages", String.class), STAGES),
                json.readValue(row.get("mirrors", String.class), MIRRORS));
        return new StoredRun(row.get("id", String.class),
                RunState.of(row.get("state", String.class)).orElseThrow(),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("finished_at", OffsetDateTime.class)),
                row.get("format", String.class), Boolean.TRUE.equals(row.get("ordered", Boolean.class)),
                row.get("deliver", String.class), row.get("request", String.class), row.get("planned", Long.class),
                progress, row.get("error", String.class), row.get("owner", String.class),
                instant(row.get("lease_until", OffsetDateTime.class)));
    }

    private Outcome outcomeOf(Readable row) {
        Outcome record = json.readValue(row.get("record", String.class), Outcome.class);
        String content = row.get("content", String.class);
        return content == null ? record : record.withContent(content);
    }

    private static long number(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec statement, String name, T value, Class<T> type) {
        return value == null ? statement.bindNull(name, type) : statement.bind(name, value);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
