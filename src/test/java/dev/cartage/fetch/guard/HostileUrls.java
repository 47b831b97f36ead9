package dev.cartage.fetch.guard;

import static dev.cartage.pipeline.FailureType.BLOCKED;
import static dev.cartage.pipeline.FailureType.INVALID_URL;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.cartage.pipeline.FailureType;

/**
 * The hostile targets of {@link HostileTargetsTest}. {@code {C}} stands for the canary's port: every URL of the
 * loopback class points at the canary, whose port the test allows, so only the address check can refuse it.
 */
final class HostileUrls {

    record Row(String url, FailureType expected) {
    }

    private static Row blocked(String url) {
        return new Row(url, BLOCKED);
    }

    private static Row invalid(String url) {
        return new Row(url, INVALID_URL);
    }

    static final List<Row> TABLE = List.of(
            // loopback, every way of writing it
            blocked("http://127.0.0.1:{C}/"),
            blocked("http://127.1.2.3:{C}/"),
            blocked("http://127.1:{C}/"),                              // short form
            blocked("http://127.0.1:{C}/"),
            blocked("http://2130706433:{C}/"),                         // decimal
            blocked("http://0x7f000001:{C}/"),                         // hex
            blocked("http://0x7f.1:{C}/"),
            blocked("http://0X7F.0.0.1:{C}/"),                         // upper-case hex
            blocked("http://0x7f.0x0.0x0.0x1:{C}/"),
            blocked("http://0177.0.0.1:{C}/"),                         // octal (Java's URI reads it as 177)
            blocked("http://0177.1:{C}/"),
            blocked("http://017700000001:{C}/"),
            blocked("http://127.0.0.1.:{C}/"),                         // trailing dot
            blocked("http://[::1]:{C}/"),
            blocked("http://[0:0:0:0:0:0:0:1]:{C}/"),
            blocked("http://[::ffff:127.0.0.1]:{C}/"),                 // IPv4-mapped
            blocked("http://[::ffff:7f00:1]:{C}/"),
            blocked("http://[0:0:0:0:0:ffff:127.0.0.1]:{C}/"),
            blocked("http://[::127.0.0.1]:{C}/"),                      // IPv4-compatible
            blocked("http://[::7f00:1]:{C}/"),
            blocked("http://[::1%25lo]:{C}/"),                         // zone id
            blocked("http://localhost:{C}/"),
            blocked("http://LOCALHOST:{C}/"),
            blocked("http://localhost.:{C}/"),
            blocked("http://api.localhost:{C}/"),
            blocked("http://public.example@127.0.0.1:{C}/"),          // userinfo tricks
            blocked("http://user:pass@127.0.0.1:{C}/"),
            blocked("http://a@b@127.0.0.1:{C}/"),
            blocked("HTTP://127.0.0.1:{C}/"),
            blocked("https://127.0.0.1:{C}/"),
            blocked("http://127.0.0.1:{C}/pile/../actuator"),
            blocked("http://127.0.0.1:0/"),
            // unspecified and "this network": 0.0.0.0 connects to this machine on Linux
            blocked("http://0.0.0.0:{C}/"),
            blocked("http://0:{C}/"),
            blocked("http://[::]:{C}/"),
            blocked("http://[::ffff:0.0.0.0]:{C}/"),
            blocked("http://0.1.2.3/"),
            // private (RFC 1918), also in numeric disguise and inside IPv6
            blocked("http://10.0.0.1/"),
            blocked("http://10.255.255.255/"),
            blocked("http://172.16.0.1/"),
            blocked("http://172.31.255.254/"),
            blocked("http://192.168.1.1/"),
            blocked("http://0xa000001/"),
            blocked("http://167772161/"),
            blocked("http://012.0.0.1/"),
            blocked("http://[::ffff:10.0.0.1]/"),
            blocked("http://[::ffff:a00:1]/"),
            // link-local and cloud metadata
            blocked("http://169.254.169.254/latest/meta-data/"),
            blocked("http://169.254.169.254.:80/"),
            blocked("http://2852039166/"),
            blocked("http://0xa9fea9fe/"),
            blocked("http://0251.0376.0251.0376/"),
            blocked("http://169.254.43518/"),
            blocked("http://[fe80::1]/"),
            blocked("http://[FE80::1%25eth0]/"),
            blocked("http://[::ffff:169.254.169.254]/"),
            blocked("http://[fd00:ec2::254]/"),                        // AWS IPv6 metadata (unique-local)
            // CGNAT, unique-local, site-local
            blocked("http://100.64.0.1/"),
            blocked("http://100.127.255.254/"),
            blocked("http://[fc00::1]/"),
            blocked("http://[fdff:ffff::1]/"),
            blocked("http://[fec0::1]/"),
            // multicast, broadcast, reserved
            blocked("http://224.0.0.1/"),
            blocked("http://239.255.255.250/"),
            blocked("http://[ff02::1]/"),
            blocked("http://255.255.255.255/"),
            blocked("http://4294967295/"),
            blocked("http://240.0.0.1/"),
            blocked("http://192.0.0.170/"),
            blocked("http://[100::1]/"),
            // NAT64, 6to4, Teredo
            blocked("http://[64:ff9b::7f00:1]/"),
            blocked("http://[64:ff9b::169.254.169.254]/"),
            blocked("http://[64:ff9b:1::1]/"),
            blocked("http://[2002:7f00:1::]/"),
            blocked("http://[2002:a9fe:a9fe::1]/"),
            blocked("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/"),
            // documentation and benchmark ranges
            blocked("http://192.0.2.1/"),
            blocked("http://198.51.100.7/"),
            blocked("http://203.0.113.9/"),
            blocked("http://198.18.0.1/"),
            blocked("http://[2001:db8::1]/"),
            // ports other than the allowed ones, on public targets
            blocked("http://8.8.8.8:25/"),
            blocked("http://example.com:8080/"),
            blocked("https://example.com:22/"),
            blocked("http://[2606:4700::1111]:6379/"),
            // schemes other than http(s)
            invalid("file:///etc/passwd"),
            invalid("file://127.0.0.1/etc/passwd"),
            invalid("gopher://127.0.0.1:{C}/_GET%20/"),
            invalid("ftp://127.0.0.1:{C}/"),
            invalid("jar:http://127.0.0.1:{C}/x.jar!/"),
            invalid("dict://127.0.0.1:{C}/"),
            invalid("ldap://127.0.0.1:{C}/"),
            invalid("ws://127.0.0.1:{C}/"),
            invalid("javascript:alert(1)"),
            invalid("data:text/html,hi"),
            invalid("//127.0.0.1:{C}/"),
            invalid("http:/127.0.0.1:{C}/"),
            // hosts that end in a number but are no address, or a public one in disguise
            invalid("http://1.2.3.4.5/"),
            invalid("http://0x100.0.0.1/"),
            invalid("http://08.0.0.1/"),
            invalid("http://4294967296/"),
            invalid("http://example.123/"),
            invalid("http://127.0.0.1%2e:{C}/"),
            invalid("http://00000000127.0.0.1/"),
            invalid("http://134744072/"));

    /** Names the test resolver knows; all resolve (at least in part) to denied addresses. */
    static final List<String> NAMES = List.of(
            "http://canary.test:{C}/",
            "http://CANARY.TEST.:{C}/",
            "http://user@canary.test:{C}/",
            "http://loop6.test:{C}/",
            "http://mapped.test:{C}/",
            "http://compat.test:{C}/",
            "http://zero.test:{C}/",
            "http://mixed.test:{C}/",
            "http://metadata.test/",
            "http://metadata6.test/",
            "http://private.test/",
            "http://home.test/",
            "http://cgnat.test/",
            "http://linklocal6.test/",
            "http://nat64.test/",
            "http://sixtofour.test/",
            "http://teredo.test/",
            "http://mixed6.test/",
            "http://broadcast.test/",
            "http://multicast.test/");

    private HostileUrls() {
    }

    static TestResolverGroup testNames() {
        return new TestResolverGroup()
                .with("canary.test", "127.0.0.1")
                .with("loop6.test", "::1")
                .with("mapped.test", "::ffff:127.0.0.1")
                .with("compat.test", "::127.0.0.1")
                .with("zero.test", "0.0.0.0")
                .with("mixed.test", "93.184.215.14", "127.0.0.1")
                .with("metadata.test", "169.254.169.254")
                .with("metadata6.test", "fd00:ec2::254")
                .with("private.test", "10.0.0.1")
                .with("home.test", "192.168.1.1")
                .with("cgnat.test", "100.64.0.1")
                .with("linklocal6.test", "fe80::1")
                .with("nat64.test", "64:ff9b::a9fe:a9fe")
                .with("sixtofour.test", "2002:7f00:1::1")
                .with("teredo.test", "2001:0:4136:e378:8000:63bf:3fff:fdd2")
                .with("mixed6.test", "2606:4700::1111", "fd00::1")
                .with("broadcast.test", "255.255.255.255")
                .with("multicast.test", "224.0.0.1")
                .with("public.test", "93.184.215.14")
                .with("allowed.test", "127.0.0.1");
    }

    /** The decoded value of query parameter {@code name} in a request URI such as {@code /redirect?to=...}. */
    static String queryValue(String requestUri, String name) {
        String query = requestUri.substring(requestUri.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + requestUri);
    }
}
