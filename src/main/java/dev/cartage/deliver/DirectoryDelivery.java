package dev.cartage.deliver;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import dev.cartage.web.Fields;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Directory delivery (docs/api.md {@code "to": "directory"}): one file per outcome under the configured output root
 * ({@code cartage.deliver.directory.root}), in a directory of the run's own, {@code {path}/{runId}/}, with a
 * {@code manifest.ndjson} of every outcome. A run never writes over another run's files.
 */
@Component
public class DirectoryDelivery {

    private final OutputRoot root;
    private final Scheduler io;

    public DirectoryDelivery(DirectoryProperties properties) {
        this.root = properties.root() == null ? null : OutputRoot.open(properties.root());
        // file I/O blocks: Reactor's bounded elastic pool (10 threads per core, tasks queued beyond that)
        this.io = Schedulers.boundedElastic();
    }

    /**
     * The checked directory inside the output root, or null after adding a field error: a 400 before the run
     * starts. {@code ""} and {@code "."} name the root itself; a directory that does not exist yet is created by
     * the run.
     */
    public Path check(Fields deliver) {
        if (root == null) {
            deliver.child("to").reject("'directory' delivery needs an output root, and this service has "
                    + "none: its operator must set cartage.deliver.directory.root (e.g. ./cartage-output). "
                    + "Use store or discard meanwhile");
            return null;
        }
        Fields path = deliver.child("path");
        if (path.isAbsent()) {
            path.reject("required with directory delivery: a directory relative to the output "
                    + "root, such as \"reports/today\" (\"\" for the root itself)");
            return null;
        }
        if (!path.value().isString()) {
            path.reject("must be a string naming a directory relative to the output root, such as "
                    + "\"reports/today\"; was " + path.value());
            return null;
        }
        return root.check(path.value().stringValue(), path);
    }

    /** The sink of one run that writes its outcomes under {@code directory/runId}. */
    public OutcomeSink open(String runId, Path directory) {
        if (root == null) {
            throw new IllegalStateException("directory delivery without an output root; check() refuses such requests");
        }
        if (!runId.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
            // the id becomes a directory name: one that could climb out of the checked directory must never get here
            throw new IllegalArgumentException("not usable as a directory name: '" + runId + "'");
        }
        return new DirectorySink(root, directory.resolve(runId), io);
    }
}
