package dev.cartage.fetch.guard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cartage.pile.PileOrigin;
import io.netty.resolver.AddressResolverGroup;

/**
 * Wires the guard: the settings' rules plus the pile's own rule, and the fetch client's resolver, which is a bean
 * of type {@link AddressResolverGroup} when the context has exactly one (tests use that to resolve test names) or
 * else Reactor Netty's default.
 */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

    @Bean
    TargetGuard targetGuard(GuardProperties properties, PileOrigin pile, ObjectProvider<AddressResolverGroup<?>> resolver) {
        return new TargetGuard(properties, new PileRule(pile), resolver.getIfUnique());
    }
}
