package dev.cartage.pipeline;

import java.util.Objects;
import java.util.function.Function;

/**
 * The settings of every {@link Stage} of one run, one named field per stage.
 *
 * @param fetch   settings of the fetch stage
 * @param marshal settings of the marshal stage
 * @param render  settings of the render stage
 * @param deliver settings of the deliver stage
 */
public record StagesSettings(StageSettings fetch, StageSettings marshal, StageSettings render,
                             StageSettings deliver) {

    public StagesSettings {
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(marshal, "marshal");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(deliver, "deliver");
    }

    /** Settings made stage by stage, such as each stage's configured defaults. */
    public static StagesSettings of(Function<Stage, StageSettings> settingsOf) {
        return new StagesSettings(settingsOf.apply(Stage.FETCH), settingsOf.apply(Stage.MARSHAL),
                settingsOf.apply(Stage.RENDER), settingsOf.apply(Stage.DELIVER));
    }

    /** The settings of {@code stage}. */
    public StageSettings get(Stage stage) {
        return switch (stage) {
            case FETCH -> fetch;
            case MARSHAL -> marshal;
            case RENDER -> render;
            case DELIVER -> deliver;
        };
    }

    /** The same settings, except that {@code stage} gets {@code settings}. */
    public StagesSettings with(Stage stage, StageSettings settings) {
        return of(each -> each == stage ? settings : get(each));
    }
}
