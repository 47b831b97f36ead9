package dev.cartage.pipeline;

/** Everything one stage needs at run time: which stage it is, its work, its settings and its meter. */
record StagePlan<I, O>(Stage stage, StageSettings settings, boolean ordered,
                       StageWork<I, O> work, StageMeter meter) {
}
