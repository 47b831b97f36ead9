package dev.cartage.fetch.guard;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * A test's last line of defence, placed after the guard in every connection's pipeline: it records every connect
 * the guard let through, and lets only loopback ones happen, so that a guard bug can never send a packet to a
 * private or public address from a test. A hostile test then asserts that it recorded nothing.
 */
@ChannelHandler.Sharable
final class Tripwire extends ChannelOutboundHandlerAdapter {

    private final List<InetSocketAddress> seen = new CopyOnWriteArrayList<>();

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        InetSocketAddress target = (InetSocketAddress) remote;
        seen.add(target);
        if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            promise.setFailure(new ConnectException("tripwire: tests connect to loopback only, not " + target));
            return;
        }
        ctx.connect(remote, local, promise);
    }

    /** Every connect that got past the guard so far, in order. */
    List<InetSocketAddress> seen() {
        return List.copyOf(seen);
    }
}
