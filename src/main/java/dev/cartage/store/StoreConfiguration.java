package dev.cartage.store;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

/**
 * The run store that {@code cartage.store} names, its migrations and its health. The database's coordinates are
 * Spring's own: {@code spring.r2dbc.url|username|password} for the store; for migrations
 * {@code spring.flyway.url|user|password} if set, else {@code spring.datasource.url|username|password}, else the JDBC
 * twin of {@code spring.r2dbc.url} with the same user.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /** How long to wait between attempts to reach the database at startup. */
    private static final Duration MIGRATION_RETRY = Duration.ofSeconds(5);

    @Bean
    StoreKind storeKind(Environment environment) {
        return StoreKind.of(environment.getProperty("cartage.store"));
    }

    @Bean
    RunStore runStore(StoreKind kind, ObjectProvider<DatabaseClient> db, ObjectMapper json, Environment environment) {
        if (kind == StoreKind.MEMORY) {
            return new MemoryRunStore();
        }
        // an embedded H2 file is locked by the process that opens it, so no other process can share it; and its
        // driver blocks, so its calls move to the scheduler for blocking work
        boolean embedded = environment.getRequiredProperty("spring.r2dbc.url").startsWith("r2dbc:h2:");
        RunStore store = new DatabaseRunStore(db.getObject(), json, embedded);
        return embedded ? new OffloadedRunStore(store, Schedulers.boundedElastic()) : store;
    }

    @Bean
    StoreMigrations storeMigrations(StoreKind kind, Environment environment) {
        return new StoreMigrations(kind == StoreKind.MEMORY ? null : target(environment), MIGRATION_RETRY);
    }

    @Bean
    StoreHealth storeHealthIndicator(StoreKind kind, StoreMigrations migrations) {
        return new StoreHealth(kind, migrations);
    }

    private static StoreMigrations.MigrationTarget target(Environment environment) {
        if (environment.containsProperty("spring.flyway.url")) {
            return new StoreMigrations.MigrationTarget(environment.getProperty("spring.flyway.url"),
                    environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"));
        }
        if (environment.containsProperty("spring.datasource.url")) {
            return new StoreMigrations.MigrationTarget(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
        }
        return new StoreMigrations.MigrationTarget(JdbcUrl.of(environment.getRequiredProperty("spring.r2dbc.url")),
                environment.getProperty("spring.r2dbc.username"), environment.getProperty("spring.r2dbc.password"));
    }
}
