package dev.cartage.fetch.guard;

import java.net.ConnectException;
import java.net.InetSocketAddress;

/**
 * A connection the guard refused to open: the host resolved to (or was written as) an address the deny list
 * refuses and no allow rule admits. The fetch stage reports it as {@code blocked}, never as a connection error:
 * it is final, another attempt would be refused the same way.
 */
public class BlockedAddressException extends ConnectException {

    private final transient BlockReason reason;
    private final String host;
    private final transient InetSocketAddress address;

    public BlockedAddressException(BlockReason reason, String host, InetSocketAddress address) {
        super("refused to connect to " + host + " at " + address.getAddress().getHostAddress() + ":"
                + address.getPort() + ": " + describe(reason));
        this.reason = reason;
        this.host = host;
        this.address = address;
    }

    /** What a refusal for {@code reason} means, for messages. */
    static String describe(BlockReason reason) {
        if (reason == BlockReason.PORT) {
            return "the port is not in cartage.fetch.guard.ports and no cartage.fetch.guard.allow rule admits it";
        }
        return "the address is in a denied range (" + reason.tag() + ") and no cartage.fetch.guard.allow rule "
                + "admits it";
    }

    public BlockReason reason() {
        return reason;
    }

    public String host() {
        return host;
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a policy decision, not a fault: the trace would only say "Netty's connect path"
    }
}
