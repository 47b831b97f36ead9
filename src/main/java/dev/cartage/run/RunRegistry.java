package dev.cartage.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

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

    RunRegistry(RunProperties properties) {
        this.maxRuns = properties.maxRuns();
    }

    synchronized void add(Run run) {
        runs.put(run.id(), run);
        if (runs.size() > maxRuns) {
            runs.values().stream()
                    .filter(r -> !r.running())
                    .findFirst()
                    .ifPresent(oldest -> runs.remove(oldest.id()));
        }
    }

    synchronized Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Newest first. */
    synchronized List<Run> newestFirst() {
        List<Run> all = new ArrayList<>(runs.values());
        all.sort(Comparator.comparing(Run::createdAt).reversed());
        return all;
    }
}
