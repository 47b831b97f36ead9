package dev.cartage.fetch;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.fetch.polite.Politeness;
import dev.cartage.fetch.polite.PolitenessExemption;
import dev.cartage.fetch.polite.PolitenessProperties;

/**
 * Hands politeness the fetch stage's client and {@code User-Agent} for reading robots.txt, so that the polite
 * package never imports the fetch package that uses it, and every {@link PolitenessExemption} bean (the pile's).
 */
@Configuration(proxyBeanMethods = false)
class PolitenessConfiguration {

    @Bean
    Politeness politeness(PolitenessProperties properties, FetchProperties fetch, FetchConnections connections,
                          TargetGuard guard, ObjectProvider<PolitenessExemption> exemptions, MeterRegistry meters) {
        return new Politeness(properties, connections.client(), fetch.userAgent(), guard,
                exemptions.orderedStream().toList(), meters);
    }
}
