package dev.cartage.fetch.guard;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.netty.resolver.AddressResolverGroup;

/**
 * Wires the guard: the settings' rules plus those of every {@link TrustedOrigin} bean (the pile's), and the fetch
 * client's resolver, which is a bean of type {@link AddressResolverGroup} when the context has exactly one (tests
 * use that to resolve test names) or else Reactor Netty's default.
 */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

    @Bean
    TargetGuard targetGuard(GuardProperties properties, ObjectProvider<TrustedOrigin> trusted,
                            ObjectProvider<AddressResolverGroup<?>> resolver) {
        return new TargetGuard(properties, rulesOf(trusted.orderedStream().toList()), resolver.getIfUnique());
    }

    private static Supplier<List<AllowRule>> rulesOf(List<TrustedOrigin> origins) {
        return () -> origins.stream()
                .flatMap(origin -> origin.allowRules().stream())
                .toList();
    }
}
