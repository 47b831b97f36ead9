package dev.cartage.pipeline;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The stages an item passes through, in pipeline order: fetch, marshal, render, deliver. The wire name is what the
 * API shows: a snapshot's {@code name}, an outcome's {@code error.stage}, the keys of a run request's
 * {@code stages}, the {@code {stage}.{setting}} query parameters and the {@code stage} tag of the metrics.
 *
 * <p>A new stage starts here, as a constant in pipeline order. The compiler then points at the two exhaustive
 * switches that must name it: {@link StagesSettings#get} (add its settings field) and the run's
 * {@code StagesProperties#forStage} (add its defaults, with their line in {@code application.yml}). Two more
 * places complete it: {@code CartageStages} composes its {@link StageSpec} into the pipeline, and the outcome's
 * {@code Timings} gets its {@code ...Ms} field (a new field of the API). The request readers, the snapshots, the
 * metrics and an item's timings follow from this type without a change.
 */
public enum Stage {
    FETCH("fetch"),
    MARSHAL("marshal"),
    RENDER("render"),
    DELIVER("deliver");

    private static final Stage[] ALL = values();

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    /** The stage's name in the API, such as {@code fetch}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Finds the stage with the given wire name, such as {@code fetch}; names are case-sensitive. */
    public static Optional<Stage> fromWireName(String name) {
        return Arrays.stream(ALL).filter(stage -> stage.wireName.equals(name)).findFirst();
    }

    /** How many stages there are: the size of every array indexed by {@link #ordinal()}. */
    static int count() {
        return ALL.length;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
