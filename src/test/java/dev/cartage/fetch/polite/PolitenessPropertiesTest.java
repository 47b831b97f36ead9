package dev.cartage.fetch.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchCacheProperties;

/** The politeness and fetch-cache settings: documented defaults, binding, and startup failures. */
class PolitenessPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreTheDocumentedOnesAndMatchTheDefaultsUsedOutsideSpring() {
        context.run(started -> {
            assertThat(started.getBean(PolitenessProperties.class)).isEqualTo(PolitenessProperties.defaults());
            assertThat(started.getBean(FetchCacheProperties.class)).isEqualTo(FetchCacheProperties.defaults());
            PolitenessProperties politeness = started.getBean(PolitenessProperties.class);
            assertThat(politeness.hostConcurrency()).isEqualTo(2);
            assertThat(politeness.maxCrawlDelay()).isEqualTo(Duration.ofSeconds(30));
            assertThat(politeness.robots().maxSize()).isEqualTo(DataSize.ofKilobytes(500));
        });
    }

    @Test
    void settingsAreBound() {
        context.withPropertyValues("cartage.fetch.politeness.host-concurrency=4",
                        "cartage.fetch.politeness.host-delay=250ms", "cartage.fetch.politeness.robots.enabled=false",
                        "cartage.fetch.politeness.robots.error-ttl=5m", "cartage.fetch.cache.max-size=1MB")
                .run(started -> {
                    PolitenessProperties politeness = started.getBean(PolitenessProperties.class);
                    assertThat(politeness.hostConcurrency()).isEqualTo(4);
                    assertThat(politeness.hostDelay()).isEqualTo(Duration.ofMillis(250));
                    assertThat(politeness.robots().enabled()).isFalse();
                    assertThat(politeness.robots().errorTtl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(politeness.robots().ttl()).isEqualTo(Duration.ofHours(1));
                    assertThat(started.getBean(FetchCacheProperties.class).maxSize()).isEqualTo(DataSize.ofMegabytes(1));
                });
    }

    @Test
    void invalidSettingsFailAtStartup() {
        context.withPropertyValues("cartage.fetch.politeness.host-concurrency=0")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("hostConcurrency"));
        context.withPropertyValues("cartage.fetch.politeness.max-retry-after=-1s")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("maxRetryAfter"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PolitenessProperties.class, FetchCacheProperties.class})
    static class Config {
    }
}
