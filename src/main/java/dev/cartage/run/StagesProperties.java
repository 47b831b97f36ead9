package dev.cartage.run;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StagesSettings;

/**
 * Default settings of the four stages, e.g. {@code cartage.stages.fetch.parallelism=16}. The shipped defaults live
 * in {@code application.yml} (one place, each overridable alone): fetch and deliver are I/O and keep many items in
 * flight; marshal and render are CPU work and default to one worker per core.
 *
 * @param fetch   default p=16, b=64, timeout 10s, 1 retry
 * @param marshal default p=0 (cores), b=32, timeout 10s, no retries
 * @param render  default p=0 (cores), b=32, timeout 10s, no retries
 * @param deliver default p=8, b=64, timeout 60s (it covers a webhook's own retries), no retries
 */
@Validated
@ConfigurationProperties("cartage.stages")
public record StagesProperties(@Valid @NotNull StageDefaults fetch, @Valid @NotNull StageDefaults marshal,
                               @Valid @NotNull StageDefaults render, @Valid @NotNull StageDefaults deliver) {

    /** The defaults of {@code stage}. */
    StageDefaults forStage(Stage stage) {
        return switch (stage) {
            case FETCH -> fetch;
            case MARSHAL -> marshal;
            case RENDER -> render;
            case DELIVER -> deliver;
        };
    }

    /** The settings every stage gets when a request names none. */
    StagesSettings settings() {
        return StagesSettings.of(stage -> forStage(stage).toSettings());
    }
}
