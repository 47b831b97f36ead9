package dev.cartage.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import reactor.core.scheduler.Schedulers;

/** The store contract on H2 in file mode, as the service uses it by default. */
class H2RunStoreTest extends RunStoreContract {

    @TempDir
    Path dataDir;

    @Override
    RunStore store() {
        Path file = dataDir.resolve("cartage-" + id());
        return new OffloadedRunStore(Databases.migrated("r2dbc:h2:file:///" + file + "?options=" + StoreDefaults.H2_SETTINGS,
                JdbcUrl.of("r2dbc:h2:file:///" + file + "?options=" + StoreDefaults.H2_SETTINGS), "sa", "", true),
                Schedulers.boundedElastic());
    }
}
