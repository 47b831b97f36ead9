package dev.cartage.fetch.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * A resolver for tests: host names answer with the addresses the test gives them, like A/AAAA records; any other
 * name is unknown. No DNS query ever leaves the machine.
 */
final class TestResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final Map<String, List<InetAddress>> records = new HashMap<>();

    /** Adds {@code name} answering with {@code addresses} (IP literals). */
    TestResolverGroup with(String name, String... addresses) {
        List<InetAddress> resolved = java.util.Arrays.stream(addresses).map(a -> address(name, a)).toList();
        records.put(name.toLowerCase(Locale.ROOT), resolved);
        return this;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new Records(executor);
    }

    private static InetAddress address(String name, String literal) {
        try {
            return InetAddress.getByAddress(name, NetUtil.createByteArrayFromIpAddressString(literal));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private final class Records extends AbstractAddressResolver<InetSocketAddress> {

        Records(EventExecutor executor) {
            super(executor, InetSocketAddress.class);
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return !address.isUnresolved();
        }

        @Override
        protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
            List<InetAddress> found = lookup(unresolved);
            if (found == null) {
                promise.setFailure(new UnknownHostException(unresolved.getHostString()));
            } else {
                promise.setSuccess(new InetSocketAddress(found.get(0), unresolved.getPort()));
            }
        }

        @Override
        protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
            List<InetAddress> found = lookup(unresolved);
            if (found == null) {
                promise.setFailure(new UnknownHostException(unresolved.getHostString()));
            } else {
                promise.setSuccess(found.stream().map(a -> new InetSocketAddress(a, unresolved.getPort())).toList());
            }
        }

        private List<InetAddress> lookup(InetSocketAddress unresolved) {
            String name = unresolved.getHostString().toLowerCase(Locale.ROOT);
            return records.get(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
        }
    }
}
