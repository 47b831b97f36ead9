package dev.cartage.pipeline;

/** Everything one stage needs at run time: its place in the pipeline, its work, its settings and its meter. */
record StagePlan<I, O>(String name, int index, StageSettings settings, boolean ordered,
                       StageWork<I, O> work, StageMeter meter) {
}
