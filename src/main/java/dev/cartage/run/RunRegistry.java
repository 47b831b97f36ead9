package dev.cartage.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The runs the service remembers, newest last. Bounded by {@code cartage.runs.max-runs}: adding a run past the
 * limit forgets the oldest finished one. A finished run is also forgotten {@code cartage.runs.ttl} after it ended
 * (checked whenever the registry is used, so no timer is needed). Running runs are never forgotten, so the bound
 * can be exceeded while more runs than the limit are running at once.
 */
@Component
class RunRegistry {

    private final int maxRuns;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Run> runs = new LinkedHashMap<>();
    private volatile Consumer<Run> onForget = run -> { };

    @Autowired
    RunRegistry(RunProperties properties) {
        this(properties, Clock.systemUTC());
    }

    RunRegistry(RunProperties properties, Clock clock) {
        this.maxRuns = properties.maxRuns();
        this.ttl = properties.ttl();
        this.clock = clock;
    }

    synchronized void add(Run run) {
        forgetExpired();
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
        forgetExpired();
        return Optional.ofNullable(runs.get(id));
    }

    /** Every run, in no particular order: for summing counters, where sorting would be wasted work. */
    synchronized List<Run> all() {
        forgetExpired();
        return new ArrayList<>(runs.values());
    }

    /** Newest first. */
    synchronized List<Run> newestFirst() {
        forgetExpired();
        List<Run> all = new ArrayList<>(runs.values());
        all.sort(Comparator.comparing(Run::createdAt).reversed());
        return all;
    }

    /** Forgets finished runs that ended more than the time to live ago; at most max-runs entries to look at. */
    private void forgetExpired() {
        Instant horizon = clock.instant().minus(ttl);
        for (Iterator<Run> each = runs.values().iterator(); each.hasNext(); ) {
            Run run = each.next();
            Instant finished = run.finishedAt();
            if (finished != null && finished.isBefore(horizon)) {
                each.remove();
                onForget.accept(run);
            }
        }
    }
}
