package dev.cartage.fetch.guard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads a host name the way {@code inet_aton} (and the WHATWG URL standard) read numbers: {@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1} and {@code 127.1} are all {@code 127.0.0.1}. Different layers of a
 * client disagree about such names (Java's {@code URI} reads {@code 0177} as decimal, a C resolver as octal), so
 * the guard classifies what the most permissive reader would connect to, and fetches only the canonical
 * dotted-quad form.
 */
final class Ipv4Numbers {

    /** How a host name reads as an IPv4 address. */
    enum Form {
        /** Not a number at all: an ordinary host name. */
        NAME,
        /** Ends in a number but is no valid address ({@code 1.2.3.4.5}, {@code 08.0.0.1}, {@code 256.0.0.1}). */
        INVALID,
        /** Exactly {@code a.b.c.d} in decimal without leading zeros. */
        CANONICAL,
        /** A valid address written another way: hex, octal, fewer than four parts. */
        OTHER
    }

    /**
     * @param form    how the name reads
     * @param address the address for {@link Form#CANONICAL} and {@link Form#OTHER}, otherwise null
     */
    record Reading(Form form, Inet4Address address) {
    }

    private Ipv4Numbers() {
    }

    /** Reads {@code host}, already lower-cased and without a trailing dot. */
    static Reading read(String host) {
        String[] parts = host.split("\\.", -1);
        if (!isNumber(parts[parts.length - 1])) {
            return new Reading(Form.NAME, null);
        }
        if (parts.length > 4) {
            return new Reading(Form.INVALID, null);
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = value(parts[i]);
            if (values[i] < 0) {
                return new Reading(Form.INVALID, null);
            }
        }
        long address = combine(values);
        if (address < 0) {
            return new Reading(Form.INVALID, null);
        }
        Inet4Address inet = toAddress(address);
        Form form = host.equals(inet.getHostAddress()) ? Form.CANONICAL : Form.OTHER;
        return new Reading(form, inet);
    }

    /** WHATWG's "ends in a number": decimal digits, or {@code 0x} followed by hex digits (possibly none). */
    private static boolean isNumber(String part) {
        if (part.startsWith("0x")) {
            return part.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
        }
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** One part's value, or -1 if it is not a number in its base (hex {@code 0x..}, octal {@code 0..}, decimal). */
    private static long value(String part) {
        boolean hex = part.startsWith("0x");
        boolean octal = !hex && part.length() > 1 && part.startsWith("0");
        int radix = hex ? 16 : octal ? 8 : 10;
        String digits = hex ? part.substring(2) : octal ? part.substring(1) : part;
        if (digits.isEmpty()) {
            return radix == 16 ? 0 : -1;
        }
        if (!digits.chars().allMatch(c -> c < 128 && Character.digit(c, radix) >= 0)) {
            return -1;
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 11) {
            return -1; // above 0xFFFFFFFF in any of the three bases
        }
        long value = Long.parseLong(significant, radix);
        return value > 0xFFFF_FFFFL ? -1 : value;
    }

    /** inet_aton's rule: every part but the last is one byte; the last fills the remaining bytes. */
    private static long combine(long[] values) {
        int last = values.length - 1;
        long address = 0;
        for (int i = 0; i < last; i++) {
            if (values[i] > 0xFF) {
                return -1;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long lastMax = 0xFFFF_FFFFL >>> (8 * last);
        if (values[last] > lastMax) {
            return -1;
        }
        return address | values[last];
    }

    private static Inet4Address toAddress(long address) {
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
