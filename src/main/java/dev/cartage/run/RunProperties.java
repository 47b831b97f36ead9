package dev.cartage.run;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How many runs the service remembers and how much of their content it keeps.
 *
 * @param maxRuns              runs kept in memory; when a new run would exceed it, the oldest finished run is
 *                             forgotten (its id then answers 404). Running runs are never evicted. Default 200
 * @param maxContentPerRun     content kept per run with {@code deliver.to=store}, in characters; outcomes past it
 *                             keep their record but not their content. Default 64MB
 * @param maxOutcomesPerRun    outcome records kept per run (with their content for {@code store}, without for the
 *                             other targets); records past it are not kept, while the run's counters go on counting
 *                             every item. Default 100000
 * @param heartbeat            how often {@code /events} sends a comment while nothing else is sent, so that
 *                             proxies keep an idle stream open. Default 15s
 * @param ttl                  how long a finished run is remembered after it ended; then it is forgotten (404).
 *                             Running runs are never forgotten. Default 1h
 */
@Validated
@ConfigurationProperties("cartage.runs")
public record RunProperties(
        @DefaultValue("200") @Min(1) int maxRuns,
        @DefaultValue("64MB") @NotNull DataSize maxContentPerRun,
        @DefaultValue("100000") @Min(1) int maxOutcomesPerRun,
        @DefaultValue("1h") @NotNull Duration ttl,
        @DefaultValue("15s") @NotNull Duration heartbeat) {

    public RunProperties {
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("cartage.runs.ttl must be positive, was " + ttl);
        }
        if (heartbeat != null && (heartbeat.isNegative() || heartbeat.isZero())) {
            throw new IllegalArgumentException("cartage.runs.heartbeat must be positive, was " + heartbeat);
        }
    }
}
