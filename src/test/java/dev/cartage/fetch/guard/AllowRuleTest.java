package dev.cartage.fetch.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax of {@code cartage.fetch.guard.allow} entries. */
class AllowRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "10.0.0.0/8            | -                | 10.0.0.0/8      | -1 | -",
            "127.0.0.1:8080/pile/  | -                | 127.0.0.1/32    | 8080 | /pile/",
            "127.0.0.1/pile/       | -                | 127.0.0.1/32    | -1 | /pile/",
            "10.0.0.0/8:*          | -                | 10.0.0.0/8      | -2 | -",
            "10.0.0.0/8/docs/      | -                | 10.0.0.0/8      | -1 | /docs/",
            "[fd00::]/8            | -                | fd00:0:0:0:0:0:0:0/8 | -1 | -",
            "[fd00::/8]:443        | -                | fd00:0:0:0:0:0:0:0/8 | 443 | -",
            "[::1]:*               | -                | 0:0:0:0:0:0:0:1/128  | -2 | -",
            "intranet.example      | intranet.example | -               | -1 | -",
            "Intranet.Example.:*   | intranet.example | -               | -2 | -",
            "intranet.example:8080/docs/ | intranet.example | -         | 8080 | /docs/",
            "localhost:*           | localhost        | -               | -2 | -"})
    void parsesEachForm(String text, String host, String range, int port, String path) {
        AllowRule rule = AllowRule.parse(text);

        assertThat(rule.host()).isEqualTo(host);
        assertThat(rule.range() == null ? null : rule.range().toString()).isEqualTo(range);
        assertThat(rule.port()).isEqualTo(port);
        assertThat(rule.pathPrefix()).isEqualTo(path);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", " ", "*", "*.example.org", "http://intranet.example", "10.0.0.0/33", "[fd00::]/129",
            "[fd00::/8]/8", "intranet.example:0", "intranet.example:70000", "intranet.example:http", "::1",
            "0x7f.1", "127.1", "2130706433", "1.2.3.4.5", "999.0.0.1", "intranet.example/../admin",
            "intranet.example/a/%2e%2e/", "intranet.example//x", "intranet.example/x;y", "exa mple.org",
            "[fe80::1%eth0]", "intranet.example:8080:9090"})
    void refusesWhatItCannotRead(String text) {
        assertThatThrownBy(() -> AllowRule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an allow rule")
                .hasMessageContaining("Examples:");
    }

    @Test
    void aBadRuleFailsStartupNamingTheSetting() {
        assertThatThrownBy(() -> new TargetGuard(GuardProperties.allowing("10.0.0.0/8", "nope nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cartage.fetch.guard.allow[1]: 'nope nope' is not an allow rule");
    }

    @Test
    void aPortOutsideTheRangeFailsStartup() {
        assertThatThrownBy(() -> new GuardProperties(java.util.List.of(), java.util.List.of(80, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cartage.fetch.guard.ports");
    }
}
