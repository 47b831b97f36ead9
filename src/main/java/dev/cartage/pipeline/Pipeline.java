package dev.cartage.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import reactor.core.publisher.Flux;

/**
 * Stages composed into one pipeline for one run: {@code items.transform(stage1).transform(stage2)...}.
 * Each stage gets its own {@link StageMeter}, so a pipeline's counters describe exactly one run; build a new
 * pipeline for every run.
 *
 * <p>Nothing happens until the flux returned by {@link #run} is subscribed: the edge (a request handler, the run
 * service) subscribes; the engine never does.
 *
 * @param <I> the payload type entering the first stage
 * @param <O> the payload type leaving the last stage
 */
public final class Pipeline<I, O> {

    private final List<StageSpec<?, ?>> stages;
    private final List<StageMeter> meters;
    private final boolean ordered;

    private Pipeline(List<StageSpec<?, ?>> stages, boolean ordered) {
        this.stages = List.copyOf(stages);
        this.ordered = ordered;
        this.meters = stages.stream()
                .map(s -> new StageMeter(s.stage(), s.settings().parallelism(), s.settings().buffer()))
                .toList();
    }

    /** Starts a pipeline description whose first stage takes payloads of type {@code T}. */
    public static <T> Builder<T, T> builder() {
        return new Builder<>(new ArrayList<>());
    }

    /**
     * The outcomes of {@code items}: one envelope per item, succeeded or failed, in source order when the
     * pipeline is ordered and as they finish otherwise.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Flux<Envelope<O>> run(Flux<Envelope<I>> items) {
        Flux flux = items;
        for (int i = 0; i < stages.size(); i++) {
            StageSpec spec = stages.get(i);
            StagePlan plan = new StagePlan(spec.stage(), spec.settings(), ordered, spec.work(), meters.get(i));
            flux = flux.transform(upstream -> new FluxStage<>((Flux) upstream, plan));
        }
        return (Flux<Envelope<O>>) flux;
    }

    public boolean ordered() {
        return ordered;
    }

    /** A consistent snapshot of every stage's counters, in stage order; safe from any thread. */
    public List<StageSnapshot> snapshot() {
        return meters.stream().map(StageMeter::snapshot).toList();
    }

    /** A consistent snapshot of {@code stage}'s counters, or empty when this pipeline does not run that stage. */
    public Optional<StageSnapshot> snapshot(Stage stage) {
        return meters.stream().filter(meter -> meter.stage() == stage).findFirst().map(StageMeter::snapshot);
    }

    /**
     * Collects stages in order, checking that each one takes what the previous one gives.
     *
     * @param <I> the payload type entering the first stage
     * @param <O> the payload type leaving the last stage added so far
     */
    public static final class Builder<I, O> {
        private final List<StageSpec<?, ?>> stages;

        private Builder(List<StageSpec<?, ?>> stages) {
            this.stages = stages;
        }

        public <N> Builder<I, N> then(StageSpec<O, N> stage) {
            Objects.requireNonNull(stage, "stage");
            // an item's timings, its failure and the snapshots are kept by stage, so each stage may run once
            if (stages.stream().anyMatch(added -> added.stage() == stage.stage())) {
                throw new IllegalStateException("the " + stage.stage().wireName() + " stage is already in this pipeline");
            }
            List<StageSpec<?, ?>> next = new ArrayList<>(stages);
            next.add(stage);
            return new Builder<>(next);
        }

        /** The pipeline; {@code ordered} makes every stage keep the order in which it received items. */
        public Pipeline<I, O> build(boolean ordered) {
            if (stages.isEmpty()) {
                throw new IllegalStateException("a pipeline needs at least one stage");
            }
            return new Pipeline<>(stages, ordered);
        }
    }
}
