package dev.cartage.store;

import static dev.cartage.store.ProcessApi.assertEverySeqOnce;
import static dev.cartage.store.ProcessApi.pileRun;
import static dev.cartage.store.ProcessApi.results;
import static dev.cartage.store.ProcessApi.run;
import static dev.cartage.store.ProcessApi.send;
import static dev.cartage.store.ProcessApi.start;
import static dev.cartage.store.ProcessApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cartage.support.EmbeddedPostgres;
import dev.cartage.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away mid-run (no connection to it is allowed, and those open are ended) and comes back: the run
 * ends with a clear error, what was stored stands, and the run can be resumed to its end.
 */
class LostDatabaseProcessTest {

    @Test
    void aRunThatLosesItsDatabaseEndsWithAClearErrorAndKeepsWhatItStored() throws Exception {
        EmbeddedPostgres.Database database = EmbeddedPostgres.freshDatabase();
        int n = 200;
        try (ServiceProcess service = ServiceProcess.builder().name("lost-db")
                .property("cartage.store", "database")
                .property("spring.r2dbc.url", database.r2dbcUrl())
                .property("spring.r2dbc.username", database.user())
                .property("spring.r2dbc.password", database.password())
                .property("cartage.runs.lease", "3s")
                .start()) {
            service.awaitReady(Duration.ofSeconds(60));
            String id = start(service, pileRun(n, "100ms", 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> storedOutcomes(database, id) >= 10);

            long before = storedOutcomes(database, id);
            long cut = System.nanoTime();
            cutOff(database, true);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Set.of("failed", "interrupted").contains(status(service, id)));
            JsonNode ended = run(service, id);
            long endedMs = (System.nanoTime() - cut) / 1_000_000;
            System.out.println("lost database: the run ended " + ended.get("status").asString() + " " + endedMs
                    + " ms after the cut: " + ended.get("error"));
            assertThat(ended.get("error").isNull()).as(ended.toString()).isFalse();

            cutOff(database, false);
            long back = System.nanoTime();
            // the end is stored once the database is back; the run is then no longer live in the process
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> storedState(database, id) != null && !storedState(database, id).equals("running"));
            System.out.println("lost database: stored as " + storedState(database, id) + " "
                    + (System.nanoTime() - back) / 1_000_000 + " ms after the database came back");
            long after = storedOutcomes(database, id);
            assertThat(after).isGreaterThanOrEqualTo(before);
            List<JsonNode> kept = results(service, id, Duration.ofSeconds(20));
            assertThat(ProcessApi.seqs(kept)).doesNotHaveDuplicates().hasSize((int) after);
            HttpResponse<String> refusedOrFine = send(service, "GET", "/api/runs/" + id, null);
            assertThat(refusedOrFine.statusCode()).isEqualTo(200);

            HttpResponse<String> resumed = send(service, "POST", "/api/runs/" + id + "/resume", null);
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(status(service, id)).isEqualTo("completed"));
            assertEverySeqOnce(results(service, id, Duration.ofSeconds(20)), n);
            assertThat(ProcessApi.counted(run(service, id))).isEqualTo(n);
            assertThat(service.log()).doesNotContain("could not store its end").doesNotContain("already marked it");
        }
    }

    /** Forbids (or allows again) connections to the database, and ends those open. */
    private static void cutOff(EmbeddedPostgres.Database database, boolean cut) throws SQLException {
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl().replace("/" + database.name(),
                "/postgres"), database.user(), database.password());
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS " + !cut);
            if (cut) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.name() + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    private static long storedOutcomes(EmbeddedPostgres.Database database, String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM outcome WHERE run_id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String storedState(EmbeddedPostgres.Database database, String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             PreparedStatement query = connection.prepareStatement("SELECT state FROM run WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
