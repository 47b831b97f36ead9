package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class PilePropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreTheDocumentedOnes() {
        context.run(started -> {
            PileProperties properties = started.getBean(PileProperties.class);

            assertThat(properties.baseUrl()).isNull();
            assertThat(properties.maxCount()).isEqualTo(100_000);
            assertThat(properties.maxLatency()).isEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void settingsAreBound() {
        context.withPropertyValues("cartage.pile.base-url=https://demo.example/",
                        "cartage.pile.max-count=10", "cartage.pile.max-latency=2s")
                .run(started -> assertThat(started.getBean(PileProperties.class))
                        .isEqualTo(new PileProperties(URI.create("https://demo.example"), 10, Duration.ofSeconds(2))));
    }

    @Test
    void invalidSettingsFailAtStartup() {
        context.withPropertyValues("cartage.pile.max-count=-1")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("maxCount").hasMessageContaining("greater than or equal to 0"));
        context.withPropertyValues("cartage.pile.max-latency=-1s")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("maxLatency"));
        context.withPropertyValues("cartage.pile.base-url=ftp://demo.example")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("cartage.pile.base-url must be an absolute http(s) URL"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PileProperties.class)
    static class Config {
    }
}
