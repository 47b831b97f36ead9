package dev.cartage.marshal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MarshalPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreTheDocumentedOnes() {
        context.run(started -> {
            MarshalProperties properties = started.getBean(MarshalProperties.class);

            assertThat(properties.maxSize()).isEqualTo(DataSize.ofMegabytes(10));
            assertThat(properties.maxBytes()).isEqualTo(10 * 1024 * 1024);
            assertThat(properties.maxParseTime()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void settingsAreBound() {
        context.withPropertyValues("cartage.marshal.max-size=512KB", "cartage.marshal.max-parse-time=250ms")
                .run(started -> assertThat(started.getBean(MarshalProperties.class))
                        .isEqualTo(new MarshalProperties(DataSize.ofKilobytes(512), Duration.ofMillis(250))));
    }

    @Test
    void invalidSettingsFailAtStartup() {
        context.withPropertyValues("cartage.marshal.max-parse-time=0s")
                .run(started -> assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("maxParseTime"));
        context.withPropertyValues("cartage.marshal.max-size=0B")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("cartage.marshal.max-size"));
        context.withPropertyValues("cartage.marshal.max-size=3GB")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("cartage.marshal.max-size"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MarshalProperties.class)
    static class Config {
    }
}
