package dev.cartage.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A stage's counters at one instant, consistent with each other.
 *
 * @param stage       the stage; its wire name is the snapshot's {@code name} in the API
 * @param parallelism items the stage may work on at once
 * @param buffer      finished items that may wait for the next stage
 * @param received    items handed to the stage: always {@code completed + failed + dropped + cancelled + inFlight}
 * @param completed   items the stage finished without failing them, including items that had failed earlier and
 *                    only passed through
 * @param failed      failures raised in this stage
 * @param dropped     items shed by the stage's overflow policy
 * @param cancelled   items the stage was working on when the run was cancelled, abandoned with their work (0
 *                    while the run goes on)
 * @param inFlight    items being worked on now, or finished and held by their worker until the buffer has room;
 *                    never more than {@code parallelism}
 * @param queued      finished items waiting for the next stage, head-of-line waiting included when the run is
 *                    ordered; never more than {@code buffer}
 * @param demand      items requested from upstream and not yet received
 * @param peakInFlight the highest {@code inFlight} seen so far
 * @param peakQueued  the highest {@code queued} seen so far
 * @param latency     time spent working on one item, in milliseconds
 */
public record StageSnapshot(@JsonProperty("name") Stage stage, int parallelism, int buffer,
                            long received, long completed, long failed, long dropped, long cancelled,
                            long inFlight, long queued, long demand,
                            long peakInFlight, long peakQueued,
                            Latency latency) {

    /**
     * Percentiles of per-item work time in milliseconds; zeros until the stage has finished an item.
     *
     * @param p50Ms median
     * @param p95Ms 95th percentile
     * @param p99Ms 99th percentile
     */
    public record Latency(double p50Ms, double p95Ms, double p99Ms) {
        public static final Latency NONE = new Latency(0, 0, 0);
    }
}
