package dev.cartage.fetch.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. An IPv4 range never contains an IPv6 address
 * and the other way round: embedded IPv4 addresses are unwrapped by {@link AddressClassifier} before it asks.
 *
 * @param network the range's first address, 4 or 16 bytes
 * @param bits    the prefix length, 0 to 32 (IPv4) or 128 (IPv6)
 */
record Cidr(byte[] network, int bits) {

    /**
     * Parses {@code address/bits}, or a single address (a range of one). Literal addresses only: never a DNS lookup.
     *
     * @throws IllegalArgumentException if {@code text} is not an IPv4 or IPv6 literal with a valid prefix length
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || address.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + address + "' is not an IP address literal");
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bytes.length * 8) {
                throw new IllegalArgumentException("'" + length + "' is not a prefix length for " + address);
            }
            bits = Integer.parseInt(length);
        }
        return new Cidr(bytes, bits);
    }

    /** Whether {@code address} lies in this range. */
    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[whole] & mask) == (network[whole] & mask);
    }

    /** The range's first address; the bytes came from a literal, so no lookup happens. */
    InetAddress first() {
        try {
            return InetAddress.getByAddress(network);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return first().getHostAddress() + "/" + bits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.bits == bits && java.util.Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + bits;
    }
}
