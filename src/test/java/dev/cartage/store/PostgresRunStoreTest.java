package dev.cartage.store;

import dev.cartage.support.EmbeddedPostgres;

/** The store contract on a real PostgreSQL server, as several replicas share it. */
class PostgresRunStoreTest extends RunStoreContract {

    @Override
    RunStore store() {
        EmbeddedPostgres.Database database = EmbeddedPostgres.freshDatabase();
        return Databases.migrated(database.r2dbcUrl(), JdbcUrl.of(database.r2dbcUrl()), database.user(),
                database.password(), false);
    }
}
