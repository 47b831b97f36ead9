package dev.cartage.run;

import java.util.List;

import dev.cartage.deliver.DeliverPlan;
import dev.cartage.pipeline.StageSettings;
import dev.cartage.render.Format;
import dev.cartage.source.SourceSpec;

/**
 * A run request after checking: everything the service needs to start the run, with defaults filled in.
 *
 * @param sources the checked sources, in request order
 * @param format  the output format
 * @param stages  settings of fetch, marshal, render and deliver, in that order
 * @param ordered whether outcomes leave in source order
 * @param deliver where the outcomes go
 */
public record RunPlan(List<SourceSpec> sources, Format format, List<StageSettings> stages, boolean ordered,
                      DeliverPlan deliver) {

    public static final List<String> STAGE_NAMES = List.of("fetch", "marshal", "render", "deliver");
}
