package dev.cartage.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

import org.springframework.stereotype.Component;

import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The stage counters of every run, summed per stage, under the same names as the JSON API:
 * {@code cartage.stage.received|completed|failed|dropped} (counters over all runs, including forgotten ones) and
 * {@code cartage.stage.in.flight|queued} (gauges over the runs going now), each tagged {@code stage}.
 */
@Component
class StageMetrics implements MeterBinder {

    private static final Map<String, ToLongFunction<StageSnapshot>> COUNTED = Map.of(
            "received", StageSnapshot::received,
            "completed", StageSnapshot::completed,
            "failed", StageSnapshot::failed,
            "dropped", StageSnapshot::dropped);

    private final LiveRuns registry;
    /** Totals of the runs that have left this process, by stage and counter, so that counters never go down. */
    private final Map<String, LongAdder> forgotten = new ConcurrentHashMap<>();

    StageMetrics(LiveRuns registry) {
        this.registry = registry;
        registry.onRemove(this::remember);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (Stage stage : Stage.values()) {
            String name = stage.wireName();
            COUNTED.forEach((counter, field) -> FunctionCounter
                    .builder("cartage.stage." + counter, this, m -> m.total(stage, name + counter, field))
                    .tag("stage", name)
                    .description("items " + counter + " by the stage, over all runs")
                    .register(meters));
            Gauge.builder("cartage.stage.in.flight", this, m -> m.running(stage, StageSnapshot::inFlight))
                    .tag("stage", name).description("items being worked on now").register(meters);
            Gauge.builder("cartage.stage.queued", this, m -> m.running(stage, StageSnapshot::queued))
                    .tag("stage", name).description("finished items waiting for the next stage").register(meters);
        }
    }

    private double total(Stage stage, String key, ToLongFunction<StageSnapshot> field) {
        long live = registry.all().stream().mapToLong(run -> count(run, stage, field)).sum();
        return live + forgotten.computeIfAbsent(key, k -> new LongAdder()).sum();
    }

    private double running(Stage stage, ToLongFunction<StageSnapshot> field) {
        return registry.all().stream()
                .filter(Run::running)
                .mapToLong(run -> count(run, stage, field))
                .sum();
    }

    private void remember(Run run) {
        for (StageSnapshot snapshot : run.pipeline().snapshot()) {
            String name = snapshot.stage().wireName();
            COUNTED.forEach((counter, field) -> forgotten.computeIfAbsent(name + counter, k -> new LongAdder())
                    .add(field.applyAsLong(snapshot)));
        }
    }

    /** Counts of a pipeline without {@code stage} (none of Cartage's) are zero. */
    private static long count(Run run, Stage stage, ToLongFunction<StageSnapshot> field) {
        return run.pipeline().snapshot(stage).stream().mapToLong(field).sum();
    }
}
