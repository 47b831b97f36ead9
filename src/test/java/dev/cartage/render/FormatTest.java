package dev.cartage.render;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    @Test
    void wireNamesAndMediaTypesFollowTheApi() {
        assertThat(Arrays.stream(Format.values()).map(f -> f.wireName() + " " + f.mediaType())).containsExactly(
                "markdown text/markdown;charset=UTF-8",
                "html text/html;charset=UTF-8",
                "text text/plain;charset=UTF-8",
                "json application/json",
                "card text/html;charset=UTF-8");
    }

    @Test
    void everyFormatIsAvailable() {
        assertThat(Arrays.stream(Format.values()).filter(Format::available)).containsExactly(Format.values());
    }

    @Test
    void formatsAreFoundByTheirExactWireName() {
        assertThat(Format.fromWireName("card")).contains(Format.CARD);
        assertThat(Format.fromWireName("Markdown")).isEmpty();
        assertThat(Format.fromWireName("pdf")).isEmpty();
        assertThat(Format.fromWireName(null)).isEmpty();
    }
}
