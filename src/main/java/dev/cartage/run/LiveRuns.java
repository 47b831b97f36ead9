package dev.cartage.run;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * The runs this process is running now, by id: the live side of the store. A run is here from its start until its
 * end is written to the store; readers of a run here see its live counters, readers elsewhere the store's.
 */
@Component
class LiveRuns {

    private final ConcurrentHashMap<String, Run> runs = new ConcurrentHashMap<>();
    private volatile Consumer<Run> onRemove = run -> { };

    void add(Run run) {
        runs.put(run.id(), run);
    }

    /** Forgets the run once its end is stored, and tells the listener. */
    void remove(Run run) {
        if (runs.remove(run.id(), run)) {
            onRemove.accept(run);
        }
    }

    /** Tells {@code listener} about each run that leaves, with its last counters. */
    void onRemove(Consumer<Run> listener) {
        this.onRemove = listener;
    }

    Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    Collection<Run> all() {
        return List.copyOf(runs.values());
    }
}
