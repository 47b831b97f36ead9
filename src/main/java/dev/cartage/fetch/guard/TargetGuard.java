package dev.cartage.fetch.guard;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.resolver.AddressResolverGroup;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.NameResolverProvider;

/**
 * The SSRF guard: decides which URLs the fetch stage may request ({@link #refuse(URI)}, before any connection)
 * and checks the resolved address of every connection the client opens ({@link #secure(HttpClient)}).
 *
 * <p>Denied by default: every address {@link AddressClassifier} classifies (loopback, private, link-local, CGNAT,
 * unique-local, multicast, NAT64, 6to4, Teredo, documentation, reserved, IPv4 embedded in IPv6 as its IPv4
 * address), the names {@code localhost} and {@code *.localhost}, and ports other than
 * {@code cartage.fetch.guard.ports}; {@link AllowRule}s admit exceptions. Refusals are counted as
 * {@code cartage.fetch.blocked{reason}}.
 */
public class TargetGuard implements MeterBinder, AutoCloseable {

    private final GuardPolicy policy;
    private final Refusals refusals = new Refusals();
    private final AddressResolverGroup<?> ownResolver;
    private final GuardedResolverGroup resolver;

    /** A guard with the settings' rules only and Reactor Netty's default DNS resolver. */
    public TargetGuard(GuardProperties properties) {
        this(properties, List::of, null);
    }

    /**
     * @param properties   the ports and allow rules
     * @param learnedRules more rules, asked on every check, for targets known only once the service runs (the pile)
     * @param resolver     the resolver the client uses for host names, or null for Reactor Netty's default
     *                     (asynchronous DNS on the client's event loops); the guard closes only one it made itself
     * @throws IllegalArgumentException naming the setting when an allow rule is not valid
     */
    public TargetGuard(GuardProperties properties, Supplier<List<AllowRule>> learnedRules,
                       AddressResolverGroup<?> resolver) {
        this.policy = new GuardPolicy(new HashSet<>(properties.ports()), parse(properties.allow()), learnedRules);
        this.ownResolver = resolver == null
                ? NameResolverProvider.builder().build().newNameResolverGroup(HttpResources.get(), LoopResources.DEFAULT_NATIVE)
                : null;
        this.resolver = new GuardedResolverGroup(resolver == null ? ownResolver : resolver, policy, refusals);
    }

    /** Why {@code url} may not be fetched ({@code invalid-url} or {@code blocked}), or null when it may. */
    public ItemException refuse(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new ItemException(FailureType.INVALID_URL, "only http and https URLs can be fetched: " + url);
        }
        UrlTarget target;
        try {
            target = UrlTarget.of(url);
        } catch (IllegalArgumentException e) {
            return new ItemException(FailureType.INVALID_URL, "cannot fetch " + url + ": " + e.getMessage());
        }
        BlockReason reason = policy.refusalOfUrl(target.host(), target.literal(), target.port(), SafePath.of(url));
        if (reason != null) {
            refusals.count(reason);
            return new ItemException(FailureType.BLOCKED, "refused to fetch " + url + ": "
                    + BlockedAddressException.describe(reason));
        }
        if (target.oddity() != null) {
            return new ItemException(FailureType.INVALID_URL, "cannot fetch " + url + ": " + target.oddity());
        }
        return null;
    }

    /**
     * {@code client} with the connect-time checks installed: its resolver refuses a name with any denied address,
     * and a handler in every connection's pipeline refuses a denied address just before the connect. Call it
     * last: a later {@code resolver(..)} would replace the guarded resolver (the pipeline check would remain).
     */
    public HttpClient secure(HttpClient client) {
        return client.resolver(resolver)
                .doOnChannelInit((observer, channel, remote) ->
                        channel.pipeline().addFirst(ConnectGate.NAME, new ConnectGate(policy, refusals, remote)));
    }

    /** Publishes {@code cartage.fetch.blocked}, one counter per reason. */
    @Override
    public void bindTo(MeterRegistry registry) {
        refusals.bindTo(registry);
    }

    /** Closes the resolvers the guard made: its default DNS resolver, if it made one. */
    @Override
    public void close() {
        resolver.close();
        if (ownResolver != null) {
            ownResolver.close();
        }
    }

    private static List<AllowRule> parse(List<String> rules) {
        List<AllowRule> parsed = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            try {
                parsed.add(AllowRule.parse(rules.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cartage.fetch.guard.allow[" + i + "]: " + e.getMessage(), e);
            }
        }
        return parsed;
    }
}
