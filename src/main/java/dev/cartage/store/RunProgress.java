package dev.cartage.store;

import java.util.List;

import dev.cartage.fetch.mirror.MirrorSnapshot;
import dev.cartage.pipeline.StageSnapshot;

/**
 * A run's counters at one moment, as its owner writes them: every second while it runs, and once at its end.
 *
 * @param total     items the sources expanded to; null until expansion has ended
 * @param succeeded outcomes with status ok
 * @param failed    outcomes with status failed
 * @param stages    the four stages' snapshots
 * @param mirrors   the run's mirror origins
 */
public record RunProgress(Long total, long succeeded, long failed, List<StageSnapshot> stages,
                          List<MirrorSnapshot> mirrors) {

    public static final RunProgress NONE = new RunProgress(null, 0, 0, List.of(), List.of());
}
