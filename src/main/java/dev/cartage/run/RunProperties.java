package dev.cartage.run;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How many runs the service remembers, how much of their content it keeps, and how the processes that share a store
 * hand runs over.
 *
 * @param maxRuns              runs kept in the store; when a new run would exceed it, the oldest finished run is
 *                             forgotten (its id then answers 404). Running runs are never evicted. Default 200
 * @param maxContentPerRun     content kept per run with {@code deliver.to=store}, in characters; outcomes past it
 *                             keep their record but not their content. Default 64MB
 * @param maxOutcomesPerRun    outcome records kept per run (with their content for {@code store}, without for the
 *                             other targets); records past it are not kept, while the run's counters go on counting
 *                             every item. Default 100000
 * @param heartbeat            how often {@code /events} sends a comment while nothing else is sent, so that
 *                             proxies keep an idle stream open. Default 15s
 * @param lease                how long a process's claim on a run it runs holds without renewal; a run whose owner
 *                             has not renewed it for that long is marked interrupted by any process. Default 10s
 * @param sync                 how often an owner renews its runs' leases and stores their progress, and how often
 *                             every process looks for cancel requests, expired leases and expired runs; also the
 *                             longest a reader of a run on another replica waits for news. Default 1s
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
        @DefaultValue("15s") @NotNull Duration heartbeat,
        @DefaultValue("10s") @NotNull Duration lease,
        @DefaultValue("1s") @NotNull Duration sync) {

    public RunProperties {
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("cartage.runs.ttl must be positive, was " + ttl);
        }
        if (lease != null && sync != null && lease.compareTo(sync.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("cartage.runs.lease (" + lease + ") must be at least three times "
                    + "cartage.runs.sync (" + sync + "), so that a live owner never loses its runs between renewals");
        }
        if (sync != null && (sync.isNegative() || sync.isZero())) {
            throw new IllegalArgumentException("cartage.runs.sync must be positive, was " + sync);
        }
        if (heartbeat != null && (heartbeat.isNegative() || heartbeat.isZero())) {
            throw new IllegalArgumentException("cartage.runs.heartbeat must be positive, was " + heartbeat);
        }
    }
}
