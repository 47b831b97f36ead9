package dev.cartage.run;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service stops (on SIGTERM): it stops taking runs at once and gives the runs it is running time to end.
 *
 * @param drain how long running runs may go on once the service is stopping; those still running then are stopped
 *              and left interrupted, resumable on any replica. Keep {@code spring.lifecycle.timeout-per-shutdown-phase}
 *              a few seconds longer, and the pod's grace period longer than both. Default 25s
 */
@Validated
@ConfigurationProperties("cartage.shutdown")
public record ShutdownProperties(@DefaultValue("25s") @NotNull Duration drain) {
}
