package dev.cartage.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * The runs the service remembers, newest last. Bounded by {@code cartage.runs.max-runs}: adding a run past the
 * limit forgets the oldest finished one. Running runs are never forgotten, so the bound can be exceeded while
 * more runs than the limit are running at once.
 */
@Component
class RunRegistry {

    private final int maxRuns;
    private final LinkedHashMap<String, Run> runs = new LinkedHashMap<>();
    private volatile Consumer<Run> onForget = run -> { };

    RunRegistry(RunProperties properties) {
        this.maxRuns = properties.maxRuns();
    }

    synchronized void add(Run run) {
        runs.put(run.id(), run);
        if (runs.size() > maxRuns) {
            runs.values().stream()
                    .filter(r -> !r.running())
                    .findFirst()
                    .ifPresent(oldest -> {
                        runs.remove(oldest.id());
                        onForget.accept(oldest);
                    });
        }
    }

    /** Tells {@code listener} about each run the registry forgets, before it is gone. */
    void onForget(Consumer<Run> listener) {
        this.onForget = listener;
    }

    synchronized Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Every run, in no particular order: for summing counters, where sorting would be wasted work. */
    synchronized List<Run> all() {
        return new ArrayList<>(runs.values());
    }

    /** Newest first. */
    synchronized List<Run> newestFirst() {
        List<Run> all = new ArrayList<>(runs.values());
        all.sort(Comparator.comparing(Run::createdAt).reversed());
        return all;
    }
}
