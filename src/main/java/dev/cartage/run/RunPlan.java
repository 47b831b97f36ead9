package dev.cartage.run;

import java.util.List;

import dev.cartage.deliver.DeliverPlan;
import dev.cartage.pipeline.StagesSettings;
import dev.cartage.render.Format;
import dev.cartage.source.SourceSpec;

/**
 * A run request after checking: everything the service needs to start the run, with defaults filled in.
 *
 * @param sources the checked sources, in request order
 * @param format  the output format
 * @param stages  the settings of every stage
 * @param ordered whether outcomes leave in source order
 * @param deliver where the outcomes go
 */
public record RunPlan(List<SourceSpec> sources, Format format, StagesSettings stages, boolean ordered,
                      DeliverPlan deliver) {
}
