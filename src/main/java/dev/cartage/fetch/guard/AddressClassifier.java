package dev.cartage.fetch.guard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether an address is one the fetch stage must never reach on its own: the deny list.
 *
 * <p>What the JDK already knows ({@link InetAddress#isLoopbackAddress()}, {@code isAnyLocalAddress},
 * {@code isLinkLocalAddress}, {@code isSiteLocalAddress}, {@code isMulticastAddress}) is asked first; the ranges
 * the JDK has no flag for are one table of {@link Cidr}s below. IPv6 addresses that carry an IPv4 address
 * ({@code ::ffff:0:0/96} mapped, {@code ::/96} compatible) are classified as that IPv4 address, so
 * {@code ::ffff:127.0.0.1} is loopback. Any IPv6 address outside global unicast {@code 2000::/3} is
 * {@code reserved}: nothing a public web server uses lives there.
 */
final class AddressClassifier {

    private record Range(Cidr cidr, BlockReason reason) {
        static Range of(String cidr, BlockReason reason) {
            return new Range(Cidr.parse(cidr), reason);
        }
    }

    /** Denied ranges the JDK has no flag for; the first match names the reason. */
    private static final List<Range> DENIED = List.of(
            Range.of("0.0.0.0/8", BlockReason.THIS_NETWORK),
            Range.of("100.64.0.0/10", BlockReason.CGNAT),
            Range.of("192.0.0.0/24", BlockReason.RESERVED),          // IETF protocol assignments (incl. NAT64 discovery)
            Range.of("192.0.2.0/24", BlockReason.DOCUMENTATION),
            Range.of("192.88.99.0/24", BlockReason.RESERVED),        // deprecated 6to4 relay anycast
            Range.of("198.18.0.0/15", BlockReason.BENCHMARK),
            Range.of("198.51.100.0/24", BlockReason.DOCUMENTATION),
            Range.of("203.0.113.0/24", BlockReason.DOCUMENTATION),
            Range.of("255.255.255.255/32", BlockReason.BROADCAST),
            Range.of("240.0.0.0/4", BlockReason.RESERVED),
            Range.of("64:ff9b::/96", BlockReason.NAT64),
            Range.of("64:ff9b:1::/48", BlockReason.NAT64),
            Range.of("100::/64", BlockReason.RESERVED),               // discard-only
            Range.of("2001::/32", BlockReason.TEREDO),
            Range.of("2001:20::/28", BlockReason.RESERVED),           // ORCHIDv2
            Range.of("2001:db8::/32", BlockReason.DOCUMENTATION),
            Range.of("3fff::/20", BlockReason.DOCUMENTATION),
            Range.of("2002::/16", BlockReason.SIX_TO_FOUR),
            Range.of("fc00::/7", BlockReason.UNIQUE_LOCAL));

    private static final Cidr IPV6_GLOBAL_UNICAST = Cidr.parse("2000::/3");
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    private AddressClassifier() {
    }

    /** Why {@code address} is denied, or null when it is an ordinary public address. */
    static BlockReason classify(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            return classify(embedded);
        }
        BlockReason flagged = jdkFlags(address);
        if (flagged != null) {
            return flagged;
        }
        byte[] bytes = address.getAddress();
        for (Range range : DENIED) {
            if (range.cidr().contains(bytes)) {
                return range.reason();
            }
        }
        if (address instanceof Inet6Address && !IPV6_GLOBAL_UNICAST.contains(bytes)) {
            return BlockReason.RESERVED;
        }
        return null;
    }

    private static BlockReason jdkFlags(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return BlockReason.UNSPECIFIED;
        }
        if (address.isLoopbackAddress()) {
            return BlockReason.LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return BlockReason.LINK_LOCAL;
        }
        if (address.isSiteLocalAddress()) {
            return BlockReason.PRIVATE;
        }
        if (address.isMulticastAddress()) {
            return BlockReason.MULTICAST;
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}) or IPv4-compatible ({@code ::a.b.c.d})
     * IPv6 address, or null. {@code ::} and {@code ::1} are left alone: they are the IPv6 unspecified and
     * loopback addresses in their own right.
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return null;
        }
        boolean mapped = Arrays.equals(bytes, 0, 12, MAPPED_PREFIX, 0, 12);
        boolean compatible = IPV4_COMPATIBLE.contains(bytes) && !address.isAnyLocalAddress()
                && !address.isLoopbackAddress();
        if (!mapped && !compatible) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
