package dev.cartage.store;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

/**
 * The JDBC URL of the database an R2DBC URL names, for migrations (Flyway speaks JDBC only): so that
 * {@code spring.r2dbc.url} alone is enough to configure the store. Knows the two databases the schema is written for.
 */
final class JdbcUrl {

    private static final Option<String> OPTIONS = Option.valueOf("options");

    private JdbcUrl() {
    }

    static String of(String r2dbcUrl) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl);
        String driver = (String) options.getRequiredValue(ConnectionFactoryOptions.DRIVER);
        if ("pool".equals(driver)) {
            driver = (String) options.getRequiredValue(ConnectionFactoryOptions.PROTOCOL);
        }
        String database = String.valueOf(options.getValue(ConnectionFactoryOptions.DATABASE));
        switch (driver) {
            case "h2": {
                Object settings = options.getValue(OPTIONS);
                return "jdbc:h2:" + options.getRequiredValue(ConnectionFactoryOptions.PROTOCOL) + ":" + database
                        + (settings == null ? "" : ";" + settings);
            }
            case "postgresql":
            case "postgres": {
                Object port = options.getValue(ConnectionFactoryOptions.PORT);
                String query = r2dbcUrl.contains("?") ? r2dbcUrl.substring(r2dbcUrl.indexOf('?')) : "";
                return "jdbc:postgresql://" + options.getRequiredValue(ConnectionFactoryOptions.HOST)
                        + (port == null ? "" : ":" + port) + "/" + database + query;
            }
            default:
                throw new IllegalArgumentException("the run store knows H2 and PostgreSQL; spring.r2dbc.url names '"
                        + driver + "': set spring.flyway.url (or spring.datasource.url) for its migrations");
        }
    }
}
