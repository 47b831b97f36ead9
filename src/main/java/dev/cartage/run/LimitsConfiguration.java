package dev.cartage.run;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cartage.source.SourceLimits;

/** Hands the source package its part of {@link RunLimits}, so that it never has to import the run package. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    SourceLimits sourceLimits(RunLimits limits) {
        return limits.sources();
    }
}
