package dev.cartage.store;

import java.util.Locale;

/** Where runs are kept: {@code cartage.store}. */
public enum StoreKind {
    /** A database through R2DBC: H2 in {@code cartage.data-dir} unless {@code spring.r2dbc.url} names another. */
    DATABASE,
    /** This process's memory: runs are gone when it stops. */
    MEMORY;

    static StoreKind of(String value) {
        if (value == null || value.isBlank()) {
            return DATABASE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cartage.store must be 'database' or 'memory', was '" + value + "'");
        }
    }
}
