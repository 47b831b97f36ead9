package dev.cartage.fetch.guard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import io.netty.util.NetUtil;

/**
 * Where an http(s) URL points, read without DNS: its host name, the address when the host is written as one, and
 * its port.
 *
 * <p>The host is read from the raw authority when {@link URI#getHost()} gives up ({@code http://127.1/},
 * {@code http://0x7f.1/}, {@code http://a@b@127.0.0.1/}), so that such URLs are refused for what they point to.
 *
 * @param host    lower case, without brackets and trailing dot; for an address literal, as written
 * @param literal the address when the host is an address, however written; else null
 * @param port    the explicit port or the scheme's default
 * @param oddity  why the URL cannot be fetched even when its address is allowed (an address written in a
 *                non-canonical form, a zone id, a host {@link URI} could not read), or null
 */
record UrlTarget(String host, InetAddress literal, int port, String oddity) {

    /**
     * Reads {@code url}, whose scheme is http or https.
     *
     * @throws IllegalArgumentException if the URL names no host or a port that is no number
     */
    static UrlTarget of(URI url) {
        String authority = url.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("it names no host");
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int portStart = hostPort.startsWith("[") ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':');
        String rawHost = portStart <= 0 ? hostPort : hostPort.substring(0, portStart);
        int port = port(url, portStart <= 0 || portStart >= hostPort.length() ? "" : hostPort.substring(portStart));
        String oddity = url.getHost() == null ? "its host '" + rawHost + "' is not a valid host name" : null;
        if (rawHost.startsWith("[")) {
            return ipv6(rawHost, port, oddity);
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (host.isEmpty()) {
            throw new IllegalArgumentException("it names no host");
        }
        Ipv4Numbers.Reading reading = Ipv4Numbers.read(host);
        switch (reading.form()) {
            case INVALID:
                throw new IllegalArgumentException("its host '" + rawHost + "' ends in a number but is no IPv4 address");
            case OTHER:
                return new UrlTarget(host, reading.address(), port, "its host '" + rawHost + "' is the IPv4 address "
                        + reading.address().getHostAddress() + " written in another form; write it as a.b.c.d");
            case CANONICAL:
                return new UrlTarget(host, reading.address(), port,
                        rawHost.endsWith(".") ? "its address '" + rawHost + "' ends with a dot" : oddity);
            default:
                return new UrlTarget(host, null, port, oddity);
        }
    }

    private static UrlTarget ipv6(String bracketed, int port, String oddity) {
        if (!bracketed.endsWith("]")) {
            throw new IllegalArgumentException("its IPv6 host '" + bracketed + "' lacks the closing bracket");
        }
        String inside = bracketed.substring(1, bracketed.length() - 1);
        int zone = inside.indexOf('%');
        String address = zone < 0 ? inside : inside.substring(0, zone);
        InetAddress literal = ipv6Literal(address);
        if (literal == null) {
            throw new IllegalArgumentException("its host '" + bracketed + "' is no IPv6 address");
        }
        String why = zone >= 0 ? "its IPv6 address carries a zone id ('" + inside.substring(zone) + "')" : oddity;
        return new UrlTarget(address.toLowerCase(Locale.ROOT), literal, port, why);
    }

    /**
     * The IPv6 address {@code text} spells, or null. Netty's parser is asked first; it does not read an IPv4 tail
     * on prefixes other than {@code ::} and {@code ::ffff:} ({@code 64:ff9b::169.254.169.254}), which the JDK's
     * does. Only text made of hex digits, colons and dots reaches the JDK, and for text with a colon it parses
     * the literal and never asks DNS.
     */
    private static InetAddress ipv6Literal(String text) {
        try {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
            if (bytes != null) {
                return bytes.length == 16 ? InetAddress.getByAddress(bytes) : null;
            }
            return text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+") ? InetAddress.getByName(text) : null;
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static int port(URI url, String explicit) {
        if (explicit.isEmpty() || explicit.equals(":")) {
            return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        }
        String digits = explicit.substring(1);
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) > 65535) {
            throw new IllegalArgumentException("its port '" + digits + "' is not a number from 0 to 65535");
        }
        return Integer.parseInt(digits);
    }
}
