package dev.cartage.run;

import java.util.List;
import java.util.Optional;

import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSnapshot;

/**
 * Which stage holds the others back, read from one set of snapshots (docs/pages.md, "The bottleneck").
 *
 * <ol>
 *   <li><b>Pushed back on:</b> the most downstream stage whose workers are all busy while the stage before it has
 *   a full buffer (it cannot hand over what it finished, so it waits on this one), and whose own buffer is not
 *   full (a stage with a full buffer is itself waiting on the next one, not holding anyone back).</li>
 *   <li><b>Failing that, the busiest feeder:</b> among stages with work in flight and an empty buffer (the next
 *   stage takes what they finish at once, so it waits on them), the one with the highest share of busy workers;
 *   on a tie, the upstream one.</li>
 *   <li>Otherwise none: the pipeline is idle, finished, or its consumer is the slow part.</li>
 * </ol>
 * A buffer of 0 hands items over directly; such a stage counts as full when its workers and the next stage's
 * are all busy (its workers then hold finished items).
 */
final class Bottleneck {

    private Bottleneck() {
    }

    /** The bottleneck among {@code stages}, given in pipeline order. */
    static Optional<Stage> of(List<StageSnapshot> stages) {
        for (int i = stages.size() - 1; i >= 1; i--) {
            StageSnapshot stage = stages.get(i);
            if (saturated(stage) && full(stages, i - 1) && !full(stages, i)) {
                return Optional.of(stage.stage());
            }
        }
        StageSnapshot busiest = null;
        for (StageSnapshot stage : stages) {
            if (stage.inFlight() > 0 && stage.queued() == 0
                    && (busiest == null || utilisation(stage) > utilisation(busiest))) {
                busiest = stage;
            }
        }
        return Optional.ofNullable(busiest).map(StageSnapshot::stage);
    }

    private static boolean saturated(StageSnapshot stage) {
        return stage.parallelism() > 0 && stage.inFlight() >= stage.parallelism();
    }

    /** Stage {@code i} cannot hand over another finished item: its buffer is full, or without one, both it and the next are busy. */
    private static boolean full(List<StageSnapshot> stages, int i) {
        StageSnapshot stage = stages.get(i);
        if (stage.buffer() > 0) {
            return stage.queued() >= stage.buffer();
        }
        return saturated(stage) && i + 1 < stages.size() && saturated(stages.get(i + 1));
    }

    private static double utilisation(StageSnapshot stage) {
        return stage.parallelism() == 0 ? 0 : (double) stage.inFlight() / stage.parallelism();
    }
}
