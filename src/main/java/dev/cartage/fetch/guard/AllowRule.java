package dev.cartage.fetch.guard;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code cartage.fetch.guard.allow}: a target that the deny list would refuse but that the fetch
 * stage may reach anyway.
 *
 * <p>Syntax: {@code host[:port][/path-prefix]}, where host is an IPv4 address or range ({@code 10.0.0.0/8}),
 * an IPv6 address or range in brackets ({@code [fd00::]/8} or {@code [fd00::/8]}, {@code [::1]}) or a host name
 * ({@code intranet.example}); port is a number or {@code *}. Meaning:
 * <ul>
 *   <li>A rule without a port admits only the ports of {@code cartage.fetch.guard.ports}; {@code :8080} admits
 *       exactly that port, {@code :*} any port.</li>
 *   <li>A host-name rule matches URLs that name that host (case and a trailing dot aside) and every address the
 *       name resolves to. An address rule matches the address a connection goes to, whatever name led there.</li>
 *   <li>A path prefix admits the prefix itself and everything below it, by whole segments: {@code /pile/} admits
 *       {@code /pile}, {@code /pile/} and {@code /pile/manuals/1}, not {@code /pileup}. Paths are compared raw
 *       (still percent-encoded) and only when they are plain: see {@link SafePath}. A connection does not see
 *       the path, so an address rule with a path prefix admits only URLs that name the address literally
 *       ({@code http://10.1.2.3/docs/}); reach a host name's private address through a rule for that name.</li>
 * </ul>
 *
 * @param text       the rule as configured, for messages
 * @param host       the host name of a name rule (lower case, no trailing dot), or null
 * @param range      the addresses of an address rule, or null
 * @param port       the port, {@link #ALLOWED_PORTS} or {@link #ANY_PORT}
 * @param pathPrefix the path prefix, or null for every path
 */
public record AllowRule(String text, String host, Cidr range, int port, String pathPrefix) {

    /** The rule names no port: it admits the ports of {@code cartage.fetch.guard.ports}. */
    public static final int ALLOWED_PORTS = -1;
    /** The rule says {@code :*}. */
    public static final int ANY_PORT = -2;

    private static final Pattern SYNTAX = Pattern.compile(
            "(?:\\[(?<ipv6>[0-9a-fA-F:.]+)(?:/(?<bits6in>\\d{1,3}))?](?:/(?<bits6>\\d{1,3}))?"
                    + "|(?<ipv4>\\d{1,3}(?:\\.\\d{1,3}){3})(?:/(?<bits4>\\d{1,2}))?"
                    + "|(?<name>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?))"
                    + "(?::(?<port>\\*|\\d{1,5}))?"
                    + "(?<path>/\\S*)?");

    /**
     * Parses one rule.
     *
     * @throws IllegalArgumentException saying what is wrong, with examples of valid rules
     */
    public static AllowRule parse(String text) {
        String rule = text == null ? "" : text.strip();
        Matcher m = SYNTAX.matcher(rule);
        if (!m.matches()) {
            throw invalid(rule, "expected host[:port][/path-prefix]");
        }
        String host = null;
        Cidr range;
        try {
            range = range(m);
        } catch (IllegalArgumentException e) {
            throw invalid(rule, e.getMessage());
        }
        if (range == null) {
            host = m.group("name").toLowerCase(Locale.ROOT);
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (Ipv4Numbers.read(host).form() != Ipv4Numbers.Form.NAME) {
                throw invalid(rule, "'" + host + "' is no dotted-quad IPv4 address nor a host name");
            }
        }
        int port = port(rule, m.group("port"));
        String path = m.group("path");
        if (path != null && SafePath.of(path) == null) {
            throw invalid(rule, "the path prefix must be a plain path, without dot segments, '//', ';' or "
                    + "encoded '.', '/', '\\' or '%'");
        }
        return new AllowRule(rule, host, range, port, path);
    }

    /** An admitting rule for exactly {@code host:port} (a literal address or a name) and {@code pathPrefix}. */
    public static AllowRule of(String host, int port, String pathPrefix) {
        return parse(host + ":" + port + pathPrefix);
    }

    /**
     * Whether this rule admits a target on {@code host}/{@code address} and {@code port}, its path aside.
     *
     * @param host         the host name the URL or connection names (lower case, no trailing dot)
     * @param address      the address: the URL's literal, the connection's resolved address, or null for a URL
     *                     with a host name (then an address rule without a path admits it for now and the
     *                     connection is checked again once its address is known)
     * @param literal      whether {@code host} is the address written out, not a name
     * @param port         the port
     * @param allowedPorts {@code cartage.fetch.guard.ports}
     */
    boolean admits(String host, InetAddress address, boolean literal, int port, Set<Integer> allowedPorts) {
        boolean hostMatches;
        if (range == null) {
            hostMatches = this.host.equals(host);
        } else if (address == null) {
            hostMatches = pathPrefix == null;
        } else {
            hostMatches = range.contains(address) && (pathPrefix == null || literal);
        }
        return hostMatches && admitsPort(port, allowedPorts);
    }

    /** Whether this rule admits {@code path}, a {@link SafePath} or null when the path is not plain. */
    boolean admitsPath(String path) {
        if (pathPrefix == null) {
            return true;
        }
        if (path == null) {
            return false;
        }
        String prefix = pathPrefix.endsWith("/") ? pathPrefix.substring(0, pathPrefix.length() - 1) : pathPrefix;
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private boolean admitsPort(int target, Set<Integer> allowedPorts) {
        if (port == ANY_PORT) {
            return true;
        }
        return port == ALLOWED_PORTS ? allowedPorts.contains(target) : port == target;
    }

    private static Cidr range(Matcher m) {
        if (m.group("ipv4") != null) {
            String bits = m.group("bits4");
            return Cidr.parse(m.group("ipv4") + (bits == null ? "" : "/" + bits));
        }
        if (m.group("ipv6") != null) {
            String inner = m.group("bits6in");
            String outer = m.group("bits6");
            if (inner != null && outer != null) {
                throw new IllegalArgumentException("give the prefix length once");
            }
            String bits = inner != null ? inner : outer;
            return Cidr.parse(m.group("ipv6") + (bits == null ? "" : "/" + bits));
        }
        return null;
    }

    private static int port(String rule, String port) {
        if (port == null) {
            return ALLOWED_PORTS;
        }
        if (port.equals("*")) {
            return ANY_PORT;
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw invalid(rule, "port " + number + " is not between 1 and 65535");
        }
        return number;
    }

    private static IllegalArgumentException invalid(String rule, String why) {
        return new IllegalArgumentException("'" + rule + "' is not an allow rule: " + why + ". Examples: "
                + "10.0.0.0/8, 127.0.0.1:8080/pile/, [fd00::]/8, [::1]:*, intranet.example:*, intranet.example/docs/");
    }
}
