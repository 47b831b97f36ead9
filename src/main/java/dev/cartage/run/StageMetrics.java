package dev.cartage.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

import org.springframework.stereotype.Component;

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

    private final RunRegistry registry;
    /** Totals of runs the registry has forgotten, by stage and counter, so that counters never go down. */
    private final Map<String, LongAdder> forgotten = new ConcurrentHashMap<>();

    StageMetrics(RunRegistry registry) {
        this.registry = registry;
        registry.onForget(this::remember);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (int stage = 0; stage < RunPlan.STAGE_NAMES.size(); stage++) {
            String name = RunPlan.STAGE_NAMES.get(stage);
            int index = stage;
            COUNTED.forEach((counter, field) -> FunctionCounter
                    .builder("cartage.stage." + counter, this, m -> m.total(index, name + counter, field))
                    .tag("stage", name)
                    .description("items " + counter + " by the stage, over all runs")
                    .register(meters));
            Gauge.builder("cartage.stage.in.flight", this, m -> m.running(index, StageSnapshot::inFlight))
                    .tag("stage", name).description("items being worked on now").register(meters);
            Gauge.builder("cartage.stage.queued", this, m -> m.running(index, StageSnapshot::queued))
                    .tag("stage", name).description("finished items waiting for the next stage").register(meters);
        }
    }

    private double total(int stage, String key, ToLongFunction<StageSnapshot> field) {
        long live = registry.all().stream().mapToLong(run -> field.applyAsLong(snapshot(run, stage))).sum();
        return live + forgotten.computeIfAbsent(key, k -> new LongAdder()).sum();
    }

    private double running(int stage, ToLongFunction<StageSnapshot> field) {
        return registry.all().stream()
                .filter(Run::running)
                .mapToLong(run -> field.applyAsLong(snapshot(run, stage)))
                .sum();
    }

    private void remember(Run run) {
        List<StageSnapshot> stages = run.pipeline().snapshot();
        for (int stage = 0; stage < stages.size(); stage++) {
            String name = RunPlan.STAGE_NAMES.get(stage);
            StageSnapshot snapshot = stages.get(stage);
            COUNTED.forEach((counter, field) -> forgotten.computeIfAbsent(name + counter, k -> new LongAdder())
                    .add(field.applyAsLong(snapshot)));
        }
    }

    private static StageSnapshot snapshot(Run run, int stage) {
        return run.pipeline().snapshot().get(stage);
    }
}
