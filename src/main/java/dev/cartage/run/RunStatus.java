package dev.cartage.run;

import java.time.Instant;
import java.util.List;

import dev.cartage.fetch.mirror.MirrorSnapshot;
import dev.cartage.pipeline.StageSnapshot;
import dev.cartage.store.RunProgress;
import dev.cartage.store.StoredRun;

/**
 * A run as the API shows it (docs/api.md, "RunStatus").
 *
 * @param id         the run's id, {@code r-…}
 * @param status     running, completed, cancelled, failed or interrupted
 * @param createdAt  when the run was accepted
 * @param finishedAt when it ended; null while running
 * @param format     the output format
 * @param ordered    whether outcomes leave in source order
 * @param deliver    where outcomes go
 * @param items      counts of items
 * @param stages     fetch, marshal, render, deliver
 * @param mirrors    requests per mirror origin of the run's mirrored sources (pending, completed, failed,
 *                   cancelled), ordered by origin; empty when the run has none
 * @param error      why the run itself failed or was interrupted; null otherwise
 */
public record RunStatus(String id, String status, Instant createdAt, Instant finishedAt, String format,
                        boolean ordered, String deliver, Items items, List<StageSnapshot> stages, List<MirrorSnapshot> mirrors,
                        String error) {

    /** A run as the store keeps it: what a process that does not run it shows. */
    static RunStatus of(StoredRun run) {
        RunProgress progress = run.progress();
        return new RunStatus(run.id(), run.state().wireName(), run.createdAt(), run.finishedAt(), run.format(),
                run.ordered(), run.deliver(), new Items(progress.total(), progress.succeeded(), progress.failed()),
                progress.stages(), progress.mirrors(), run.error());
    }

    /**
     * @param total     items the sources expanded to; null until expansion has finished
     * @param succeeded outcomes with status ok
     * @param failed    outcomes with status failed
     */
    public record Items(Long total, long succeeded, long failed) {
    }
}
