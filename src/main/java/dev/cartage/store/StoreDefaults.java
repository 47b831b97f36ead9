package dev.cartage.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The database the service uses when none is configured: H2 in a file under {@code cartage.data-dir}, so that runs
 * outlive the process with nothing to set up. Added as the last property source, so that Spring's own
 * {@code spring.r2dbc.*} and {@code spring.flyway.*} settings, from wherever they come, always win. With
 * {@code cartage.store=memory} there is no database, and its health check is turned off.
 */
public class StoreDefaults implements EnvironmentPostProcessor, Ordered {

    /** H2 speaks the schema's SQL in its PostgreSQL mode; the same settings for R2DBC and for Flyway's JDBC. */
    static final String H2_SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    static final String DATABASE_FILE = "cartage";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (StoreKind.of(environment.getProperty("cartage.store")) == StoreKind.MEMORY) {
            defaults.put("management.health.r2dbc.enabled", "false");
        } else if (!environment.containsProperty("spring.r2dbc.url")) {
            Path file = Path.of(environment.getProperty("cartage.data-dir", "./data")).toAbsolutePath().normalize()
                    .resolve(DATABASE_FILE);
            defaults.put("spring.r2dbc.url", "r2dbc:h2:file:///" + file + "?options=" + H2_SETTINGS);
            defaults.put("spring.r2dbc.username", "sa");
            defaults.put("spring.r2dbc.password", "");
        }
        environment.getPropertySources().addLast(new MapPropertySource("cartageStoreDefaults", defaults));
    }

    @Override
    public int getOrder() {
        // after the application's configuration files have been read, so that they are seen
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
