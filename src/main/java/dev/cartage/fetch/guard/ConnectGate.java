package dev.cartage.fetch.guard;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.NetUtil;

/**
 * Sits in every fetch connection's pipeline and checks the address the channel is about to connect to. This is
 * the one place every connection passes, including those to address literals, which Reactor Netty connects to
 * without asking the resolver.
 */
final class ConnectGate extends ChannelOutboundHandlerAdapter {

    static final String NAME = "cartage.guard.gate";

    private final GuardPolicy policy;
    private final Refusals refusals;
    private final String requestedHost;

    /**
     * @param requested the address the client was asked to reach, usually unresolved: its host string is the
     *                  name a host-name allow rule is matched with
     */
    ConnectGate(GuardPolicy policy, Refusals refusals, SocketAddress requested) {
        this.policy = policy;
        this.refusals = refusals;
        this.requestedHost = requested instanceof InetSocketAddress inet ? inet.getHostString() : null;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        if (!(remote instanceof InetSocketAddress target) || target.isUnresolved()) {
            promise.setFailure(new IllegalStateException("the fetch client may only connect to resolved IP addresses, "
                    + "not " + remote));
            return;
        }
        String host = GuardedResolverGroup.hostKey(requestedHost != null ? requestedHost : target.getHostString());
        boolean literal = NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host);
        BlockReason reason = policy.refusalOfConnection(host, target.getAddress(), literal, target.getPort());
        if (reason != null) {
            refusals.count(reason);
            promise.setFailure(new BlockedAddressException(reason, host, target));
            return;
        }
        ctx.connect(remote, local, promise);
    }
}
