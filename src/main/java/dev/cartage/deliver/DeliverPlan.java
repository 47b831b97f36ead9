package dev.cartage.deliver;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a run's outcomes go, after checking (docs/api.md, {@code deliver}).
 *
 * @param to        the kind of destination
 * @param webhook   the URL each outcome is POSTed to; only for {@link DeliverTarget#WEBHOOK}
 * @param directory the checked directory, inside the configured output root, the files are written to; only for
 *                  {@link DeliverTarget#DIRECTORY}
 */
public record DeliverPlan(DeliverTarget to, URI webhook, Path directory) {

    public static DeliverPlan of(DeliverTarget to) {
        return new DeliverPlan(to, null, null);
    }

    /** Whether the outcomes' content lives elsewhere, so that the run itself keeps only their records. */
    public boolean keepsContentElsewhere() {
        return to == DeliverTarget.WEBHOOK || to == DeliverTarget.DIRECTORY || to == DeliverTarget.RESPONSE;
    }
}
