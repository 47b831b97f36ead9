package dev.cartage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StagesSettingsTest {

    private final StagesSettings settings = StagesSettings.of(stage -> StageSettings.of(stage.ordinal() + 1, 8));

    @Test
    void eachStageGetsItsOwnSettings() {
        assertThat(settings.fetch().parallelism()).isEqualTo(1);
        assertThat(settings.get(Stage.MARSHAL)).isSameAs(settings.marshal());
        assertThat(settings.get(Stage.RENDER).parallelism()).isEqualTo(3);
        assertThat(settings.get(Stage.DELIVER).parallelism()).isEqualTo(4);
    }

    @Test
    void replacingOneStagesSettingsKeepsTheOthers() {
        StageSettings wide = StageSettings.of(64, 128);

        StagesSettings changed = settings.with(Stage.RENDER, wide);

        assertThat(changed.render()).isSameAs(wide);
        assertThat(changed.fetch()).isSameAs(settings.fetch());
        assertThat(changed.marshal()).isSameAs(settings.marshal());
        assertThat(changed.deliver()).isSameAs(settings.deliver());
        assertThat(settings.render().parallelism()).isEqualTo(3);
    }
}
