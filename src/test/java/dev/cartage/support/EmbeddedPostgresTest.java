package dev.cartage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link EmbeddedPostgres} gives a real PostgreSQL, and each fresh database is separate from the others. */
class EmbeddedPostgresTest {

    @Test
    void freshDatabasesAreRealPostgresAndSeparate() throws SQLException {
        EmbeddedPostgres.Database first = EmbeddedPostgres.freshDatabase();
        EmbeddedPostgres.Database second = EmbeddedPostgres.freshDatabase();

        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(first.jdbcUrl()).startsWith("jdbc:postgresql://localhost:").endsWith("/" + first.name());
        assertThat(first.r2dbcUrl()).isEqualTo("r2dbc:postgresql://localhost:" + EmbeddedPostgres.port()
                + "/" + first.name());

        try (Connection a = connect(first); Connection b = connect(second)) {
            assertThat(single(a, "SELECT version()")).contains("PostgreSQL");
            assertThat(single(a, "SELECT current_database()")).isEqualTo(first.name());

            execute(a, "CREATE TABLE runs (id text PRIMARY KEY, status text NOT NULL)");
            execute(a, "INSERT INTO runs VALUES ('r1', 'completed'), ('r2', 'running')");
            assertThat(rows(a, "SELECT id || '=' || status FROM runs ORDER BY id"))
                    .containsExactly("r1=completed", "r2=running");

            // the same table name in the second database is a different table
            execute(b, "CREATE TABLE runs (id text PRIMARY KEY, status text NOT NULL)");
            execute(b, "INSERT INTO runs VALUES ('r9', 'failed')");
            assertThat(rows(b, "SELECT id || '=' || status FROM runs")).containsExactly("r9=failed");
            assertThat(rows(a, "SELECT count(*)::text FROM runs")).containsExactly("2");
        }
    }

    private static Connection connect(EmbeddedPostgres.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        List<String> rows = rows(connection, sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
