package dev.cartage.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import dev.cartage.deliver.Outcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The store in this process's memory ({@code cartage.store=memory}): for benchmarks and tests that need no
 * persistence, and for a single process that may lose its runs when it stops. Everything is guarded by the store's
 * monitor; each call does a bounded amount of work (a page of outcomes, one run), so no caller waits long.
 */
public final class MemoryRunStore implements RunStore {

    private final Map<String, StoredRun> runs = new LinkedHashMap<>();
    private final Map<String, RunOutcomes> outcomes = new HashMap<>();
    private final Set<String> cancelRequested = new java.util.HashSet<>();
    private long nextPosition = 1;

    @Override
    public boolean singleProcess() {
        return true;
    }

    @Override
    public Mono<Void> insert(StoredRun run) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                if (runs.putIfAbsent(run.id(), run) != null) {
                    throw new IllegalStateException("run " + run.id() + " is already stored");
                }
                outcomes.put(run.id(), new RunOutcomes());
            }
        });
    }

    @Override
    public Mono<StoredRun> find(String id) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return runs.get(id);
            }
        });
    }

    @Override
    public Flux<StoredRun> newestFirst(int limit) {
        return Flux.defer(() -> {
            List<StoredRun> all;
            synchronized (this) {
                all = new ArrayList<>(runs.values());
            }
            all.sort(Comparator.comparing(StoredRun::createdAt).reversed());
            return Flux.fromIterable(all.subList(0, Math.min(limit, all.size())));
        });
    }

    @Override
    public Mono<Renewal> renew(String id, String owner, Instant leaseUntil, RunProgress progress) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                StoredRun run = runs.get(id);
                if (run == null || !run.running() || !owner.equals(run.owner())) {
                    return Renewal.LOST;
                }
                runs.put(id, new StoredRun(id, run.state(), run.createdAt(), null, run.format(), run.ordered(),
                        run.deliver(), run.request(), run.planned(), progress, null, owner, leaseUntil));
                return cancelRequested.contains(id) ? Renewal.CANCEL_REQUESTED : Renewal.HELD;
            }
        });
    }

    @Override
    public Mono<Boolean> finish(String id, String owner, RunState end, Instant at, String error, RunProgress progress) {
        return Mono.fromSupplier(() -> update(id, run -> run.running() && owner.equals(run.owner())
                ? ended(run, end, at, error, progress) : null));
    }

    @Override
    public Mono<Boolean> requestCancel(String id) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                StoredRun run = runs.get(id);
                if (run == null || !run.running()) {
                    return false;
                }
                cancelRequested.add(id);
                return true;
            }
        });
    }

    @Override
    public Mono<StoredRun> claim(String id, Set<RunState> from, String owner, Instant leaseUntil) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                StoredRun run = runs.get(id);
                if (run == null || !from.contains(run.state())) {
                    return null;
                }
                cancelRequested.remove(id);
                runs.put(id, new StoredRun(id, RunState.RUNNING, run.createdAt(), null, run.format(), run.ordered(),
                        run.deliver(), run.request(), run.planned(), run.progress(), null, owner, leaseUntil));
                return run;
            }
        });
    }

    @Override
    public Flux<String> interruptExpired(Instant now, String reason) {
        return interruptWhere(run -> run.leaseUntil() != null && run.leaseUntil().isBefore(now), now, reason);
    }

    @Override
    public Flux<String> interruptAll(Instant now, String reason) {
        return interruptWhere(run -> true, now, reason);
    }

    private Flux<String> interruptWhere(java.util.function.Predicate<StoredRun> which, Instant now, String reason) {
        return Flux.defer(() -> {
            List<String> interrupted = new ArrayList<>();
            synchronized (this) {
                for (StoredRun run : List.copyOf(runs.values())) {
                    if (run.running() && which.test(run)) {
                        runs.put(run.id(), ended(run, RunState.INTERRUPTED, now, reason, run.progress()));
                        interrupted.add(run.id());
                    }
                }
            }
            return Flux.fromIterable(interrupted);
        });
    }

    @Override
    public Mono<Void> append(String runId, List<Outcome> batch) {
        return store(runId, batch, false);
    }

    @Override
    public Mono<Void> replace(String runId, List<Outcome> batch) {
        return store(runId, batch, true);
    }

    private Mono<Void> store(String runId, List<Outcome> batch, boolean replace) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                RunOutcomes kept = outcomes.get(runId);
                if (kept == null) {
                    throw new IllegalStateException("no run " + runId + " to store outcomes of");
                }
                for (Outcome outcome : batch) {
                    Long stored = kept.positionBySeq.get(outcome.seq());
                    if (stored != null && !replace) {
                        continue;
                    }
                    if (stored != null) {
                        kept.byPosition.remove(stored);
                    }
                    long position = nextPosition++;
                    kept.byPosition.put(position, outcome);
                    kept.positionBySeq.put(outcome.seq(), position);
                }
            }
        });
    }

    @Override
    public Flux<StoredOutcome> outcomesAfter(String runId, long position, int limit) {
        return Flux.defer(() -> {
            List<StoredOutcome> page = new ArrayList<>(Math.min(limit, 256));
            synchronized (this) {
                RunOutcomes kept = outcomes.get(runId);
                if (kept != null) {
                    for (Map.Entry<Long, Outcome> each : kept.byPosition.tailMap(position, false).entrySet()) {
                        if (page.size() == limit) {
                            break;
                        }
                        page.add(new StoredOutcome(each.getKey(), each.getValue()));
                    }
                }
            }
            return Flux.fromIterable(page);
        });
    }

    @Override
    public Mono<Outcome> outcome(String runId, long seq) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                RunOutcomes kept = outcomes.get(runId);
                Long position = kept == null ? null : kept.positionBySeq.get(seq);
                return position == null ? null : kept.byPosition.get(position);
            }
        });
    }

    @Override
    public Flux<Outcome> latest(String runId, int n) {
        return Flux.defer(() -> {
            List<Outcome> latest = new ArrayList<>(n);
            synchronized (this) {
                RunOutcomes kept = outcomes.get(runId);
                if (kept != null) {
                    for (Outcome outcome : kept.byPosition.descendingMap().values()) {
                        if (latest.size() == n) {
                            break;
                        }
                        latest.add(outcome);
                    }
                }
            }
            return Flux.fromIterable(latest);
        });
    }

    @Override
    public Flux<Long> seqs(String runId, boolean failedOnly) {
        return Flux.defer(() -> {
            List<Long> seqs = new ArrayList<>();
            synchronized (this) {
                RunOutcomes kept = outcomes.get(runId);
                if (kept != null) {
                    kept.byPosition.values().stream()
                            .filter(outcome -> !failedOnly || !outcome.ok())
                            .forEach(outcome -> seqs.add(outcome.seq()));
                }
            }
            return Flux.fromIterable(seqs);
        });
    }

    @Override
    public Mono<OutcomeTotals> totals(String runId) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                RunOutcomes kept = outcomes.get(runId);
                if (kept == null) {
                    return new OutcomeTotals(0, 0, 0);
                }
                long chars = kept.byPosition.values().stream()
                        .mapToLong(outcome -> outcome.content() == null ? 0 : outcome.content().length())
                        .sum();
                long failed = kept.byPosition.values().stream().filter(outcome -> !outcome.ok()).count();
                return new OutcomeTotals(kept.byPosition.size(), chars, failed);
            }
        });
    }

    @Override
    public Mono<Long> forget(Instant horizon, int maxRuns) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                List<StoredRun> ended = runs.values().stream()
                        .filter(run -> !run.running())
                        .sorted(Comparator.comparing(StoredRun::createdAt))
                        .toList();
                long excess = Math.max(0, runs.size() - maxRuns);
                long forgotten = 0;
                for (StoredRun run : ended) {
                    boolean expired = run.finishedAt() != null && run.finishedAt().isBefore(horizon);
                    if (expired || forgotten < excess) {
                        runs.remove(run.id());
                        outcomes.remove(run.id());
                        cancelRequested.remove(run.id());
                        forgotten++;
                    }
                }
                return forgotten;
            }
        });
    }

    private boolean update(String id, UnaryOperator<StoredRun> change) {
        synchronized (this) {
            StoredRun run = runs.get(id);
            StoredRun changed = run == null ? null : change.apply(run);
            if (changed == null) {
                return false;
            }
            runs.put(id, changed);
            if (changed.state().ended()) {
                cancelRequested.remove(id);
            }
            return true;
        }
    }

    private static StoredRun ended(StoredRun run, RunState end, Instant at, String error, RunProgress progress) {
        return new StoredRun(run.id(), end, run.createdAt(), at, run.format(), run.ordered(), run.deliver(),
                run.request(), run.planned(), progress, error, null, null);
    }

    /** One run's outcomes by position (the order they were stored in), and where each seq is. */
    private static final class RunOutcomes {
        final TreeMap<Long, Outcome> byPosition = new TreeMap<>();
        final Map<Long, Long> positionBySeq = new HashMap<>();
    }
}
