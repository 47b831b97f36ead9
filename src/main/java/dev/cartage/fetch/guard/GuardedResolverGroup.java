package dev.cartage.fetch.guard;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Locale;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * Wraps the fetch client's resolver so that a host name with ANY denied address (A or AAAA record) fails to
 * resolve, instead of the client quietly trying its other addresses: a name that points into a private network
 * is refused as a whole. Failing the resolution, rather than a resolved-address selector, also makes Reactor Netty
 * close the channel it had opened for the attempt.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final AddressResolverGroup<?> delegate;
    private final GuardPolicy policy;
    private final Refusals refusals;

    GuardedResolverGroup(AddressResolverGroup<?> delegate, GuardPolicy policy, Refusals refusals) {
        this.delegate = delegate;
        this.policy = policy;
        this.refusals = refusals;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new GuardedResolver(executor, (AddressResolver<SocketAddress>) delegate.getResolver(executor));
    }

    /** A host name as the rules compare it: lower case, without a trailing dot. */
    static String hostKey(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private final class GuardedResolver implements AddressResolver<InetSocketAddress> {

        private final EventExecutor executor;
        private final AddressResolver<SocketAddress> resolver;

        GuardedResolver(EventExecutor executor, AddressResolver<SocketAddress> resolver) {
            this.executor = executor;
            this.resolver = resolver;
        }

        @Override
        public boolean isSupported(SocketAddress address) {
            return resolver.isSupported(address);
        }

        @Override
        public boolean isResolved(SocketAddress address) {
            return resolver.isResolved(address);
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            resolveAll(address).addListener((Future<List<InetSocketAddress>> all) -> {
                if (all.isSuccess()) {
                    promise.trySuccess(all.getNow().get(0));
                } else {
                    promise.tryFailure(all.cause());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address,
                                                          Promise<List<InetSocketAddress>> promise) {
            resolver.resolveAll(address).addListener((Future<List<SocketAddress>> resolved) -> {
                if (!resolved.isSuccess()) {
                    promise.tryFailure(resolved.cause());
                    return;
                }
                String host = hostKey(((InetSocketAddress) address).getHostString());
                List<InetSocketAddress> addresses = resolved.getNow().stream()
                        .map(InetSocketAddress.class::cast).toList();
                BlockedAddressException refused = firstRefused(host, addresses);
                if (refused != null) {
                    promise.tryFailure(refused);
                } else if (addresses.isEmpty()) {
                    promise.tryFailure(new java.net.UnknownHostException(host));
                } else {
                    promise.trySuccess(addresses);
                }
            });
            return promise;
        }

        private BlockedAddressException firstRefused(String host, List<InetSocketAddress> addresses) {
            for (InetSocketAddress address : addresses) {
                BlockReason reason = policy.refusalOfConnection(host, address.getAddress(), false, address.getPort());
                if (reason != null) {
                    refusals.count(reason);
                    return new BlockedAddressException(reason, host, address);
                }
            }
            return null;
        }

        @Override
        public void close() {
            // the delegate group owns and closes its resolvers
        }
    }
}
