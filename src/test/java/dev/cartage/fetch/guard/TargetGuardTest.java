package dev.cartage.fetch.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;

/** What the guard decides from the URL alone, with allow rules, ports and paths; no network. */
class TargetGuardTest {

    private TargetGuard guard;

    @AfterEach
    void close() {
        if (guard != null) {
            guard.close();
        }
    }

    @ParameterizedTest(name = "{0} with [{1}] → {2}")
    @CsvSource(delimiter = '|', value = {
            // public targets need no rule, on the allowed ports
            "http://example.com/                   | -                          | ok",
            "https://example.com/a/../b            | -                          | ok",
            "http://93.184.215.14/                 | -                          | ok",
            "https://[2606:4700::1111]/            | -                          | ok",
            "http://example.com:8080/              | -                          | blocked",
            // a rule without a port admits only the allowed ports
            "http://10.1.2.3/                      | 10.0.0.0/8                 | ok",
            "http://10.1.2.3:8080/                 | 10.0.0.0/8                 | blocked",
            "http://11.1.2.3:8080/                 | 10.0.0.0/8                 | blocked",
            // a rule with a port admits exactly that port; * admits any
            "http://10.1.2.3:8080/                 | 10.1.2.3:8080              | ok",
            "http://10.1.2.3/                      | 10.1.2.3:8080              | blocked",
            "http://10.1.2.4:8080/                 | 10.1.2.3:8080              | blocked",
            "http://10.1.2.3:9999/                 | 10.0.0.0/8:*               | ok",
            "http://[fd00::1]/                     | [fd00::]/8                 | ok",
            "http://[fd00::1]:8443/                | [fd00::/8]:*               | ok",
            "http://[fe80::1]/                     | [fd00::]/8                 | blocked",
            // a host-name rule, case and trailing dot aside; it also admits other ports only if it says so
            "http://intranet.example:8080/         | intranet.example:8080      | ok",
            "http://INTRANET.example.:8080/x       | intranet.example:8080      | ok",
            "http://other.example:8080/            | intranet.example:8080      | blocked",
            "http://localhost:8080/                | localhost:*                | ok",
            "http://localhost/                     | -                          | blocked",
            "http://localhost:8080/                | 127.0.0.1:*                | ok",
            // path prefixes: whole segments of the plain path
            "http://127.0.0.1:8080/pile/manuals/1  | 127.0.0.1:8080/pile/       | ok",
            "http://127.0.0.1:8080/pile            | 127.0.0.1:8080/pile/       | ok",
            "http://127.0.0.1:8080/pile/           | 127.0.0.1:8080/pile/       | ok",
            "http://127.0.0.1:8080/pile?x=/../a    | 127.0.0.1:8080/pile/       | ok",
            "http://127.0.0.1:8080/pileup          | 127.0.0.1:8080/pile/       | blocked",
            "http://127.0.0.1:8080/                | 127.0.0.1:8080/pile/       | blocked",
            "http://127.0.0.1:8080/actuator/health | 127.0.0.1:8080/pile/       | blocked",
            "http://127.0.0.1:8080/pile/../actuator | 127.0.0.1:8080/pile/      | blocked",
            "http://127.0.0.1:8080/pile/x/../../actuator | 127.0.0.1:8080/pile/ | blocked",
            "http://127.0.0.1:8080/pile/%2e%2e/actuator | 127.0.0.1:8080/pile/  | blocked",
            "http://127.0.0.1:8080/pile/%2E%2E/actuator | 127.0.0.1:8080/pile/  | blocked",
            "http://127.0.0.1:8080/pile/..%2factuator | 127.0.0.1:8080/pile/    | blocked",
            "http://127.0.0.1:8080/pile/..%5cactuator | 127.0.0.1:8080/pile/    | blocked",
            "http://127.0.0.1:8080/pile/%252e%252e/a | 127.0.0.1:8080/pile/     | blocked",
            "http://127.0.0.1:8080/pile/..;/actuator | 127.0.0.1:8080/pile/     | blocked",
            "http://127.0.0.1:8080/pile//../actuator | 127.0.0.1:8080/pile/     | blocked",
            "http://127.0.0.1:8080/pile/./manuals/1 | 127.0.0.1:8080/pile/      | blocked",
            "http://127.0.0.1:8081/pile/manuals/1  | 127.0.0.1:8080/pile/       | blocked",
            "http://localhost:8080/pile/manuals/1  | 127.0.0.1:8080/pile/       | blocked",
            "http://intranet.example:8080/docs/a   | intranet.example:8080/docs/ | ok",
            "http://intranet.example:8080/admin    | intranet.example:8080/docs/ | blocked",
            // an address rule with a path admits only URLs that write the address
            "http://10.1.2.3:8080/docs/a           | 10.0.0.0/8:8080/docs/      | ok",
            "http://intranet.example:8080/docs/a   | 10.0.0.0/8:8080/docs/      | blocked",
            // a public address written oddly, or with a zone id, is fetched only in canonical form
            "http://134744072/                     | -                          | invalid-url",
            "http://[2606:4700::1111%25eth0]/      | -                          | invalid-url",
            "http://127.1:8080/pile/               | 127.0.0.1:8080/pile/       | invalid-url"})
    void decidesFromTheUrl(String url, String rule, String expected) {
        guard = new TargetGuard(rule.equals("-") ? GuardProperties.allowing() : GuardProperties.allowing(rule));

        ItemException refused = guard.refuse(URI.create(url));

        assertThat(refused == null ? "ok" : refused.type().wireName()).as(refused == null ? url : refused.getMessage())
                .isEqualTo(expected);
    }

    @Test
    void theAllowedPortsAreASetting() {
        guard = new TargetGuard(new GuardProperties(List.of(), List.of(8080)));

        assertThat(guard.refuse(URI.create("http://example.com:8080/"))).isNull();
        assertThat(guard.refuse(URI.create("http://example.com/")).type()).isEqualTo(FailureType.BLOCKED);
        assertThat(guard.refuse(URI.create("http://example.com/")).getMessage()).contains("cartage.fetch.guard.ports");
    }

    @Test
    void refusalsSayWhyAndWhichSettingAdmits() {
        guard = new TargetGuard(GuardProperties.allowing());

        ItemException refused = guard.refuse(URI.create("http://169.254.169.254/latest/meta-data/"));

        assertThat(refused.type()).isEqualTo(FailureType.BLOCKED);
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("http://169.254.169.254/latest/meta-data/", "link-local",
                "cartage.fetch.guard.allow");
    }

    @Test
    void theConnectionCheckMatchesNamesAndAddressesButNotPaths() {
        GuardPolicy policy = new GuardPolicy(java.util.Set.of(80, 443), List.of(
                AllowRule.parse("intranet.example:8080"), AllowRule.parse("10.0.0.0/8:9090/docs/")), List::of);

        assertThat(policy.refusalOfConnection("intranet.example", address("10.9.9.9"), false, 8080)).isNull();
        assertThat(policy.refusalOfConnection("intranet.example", address("10.9.9.9"), false, 80))
                .isEqualTo(BlockReason.PRIVATE);
        assertThat(policy.refusalOfConnection("10.1.1.1", address("10.1.1.1"), true, 9090)).isNull();
        assertThat(policy.refusalOfConnection("sneaky.example", address("10.1.1.1"), false, 9090))
                .isEqualTo(BlockReason.PRIVATE);
        assertThat(policy.refusalOfConnection("public.example", address("93.184.215.14"), false, 443)).isNull();
        assertThat(policy.refusalOfConnection("public.example", address("93.184.215.14"), false, 25))
                .isEqualTo(BlockReason.PORT);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByAddress(io.netty.util.NetUtil.createByteArrayFromIpAddressString(literal));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
