package dev.cartage.store;

import java.time.Duration;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import tools.jackson.databind.json.JsonMapper;

/** Migrated, empty databases for the store's tests, reached as the service reaches them. */
final class Databases {

    private Databases() {
    }

    /** The store on a database that {@code r2dbcUrl} names, after migrating it through {@code jdbcUrl}. */
    static DatabaseRunStore migrated(String r2dbcUrl, String jdbcUrl, String user, String password,
                                     boolean singleProcess) {
        StoreMigrations migrations = new StoreMigrations(new StoreMigrations.MigrationTarget(jdbcUrl, user, password),
                Duration.ofSeconds(1));
        migrations.migrate().block(Duration.ofSeconds(60));
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(r2dbcUrl).mutate()
                .option(ConnectionFactoryOptions.USER, user)
                .option(ConnectionFactoryOptions.PASSWORD, password)
                .build());
        return new DatabaseRunStore(DatabaseClient.create(connections), JsonMapper.builder().build(), singleProcess);
    }
}
