package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cartage.fetch.guard.AllowRule;
import dev.cartage.fetch.guard.GuardProperties;
import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;

/** The pile's own allow rule, as the SSRF guard applies it; no network. */
class PileTrustedOriginTest {

    private TargetGuard guard;

    @AfterEach
    void close() {
        if (guard != null) {
            guard.close();
        }
    }

    @Test
    void thePileIsReachableThroughItsOwnRuleAndNothingElseOfTheService() {
        PileOrigin pile = new PileOrigin(new PileProperties(URI.create("http://127.0.0.1:8080"), 10, Duration.ofSeconds(1)));
        guard = new TargetGuard(GuardProperties.allowing(), new PileTrustedOrigin(pile)::allowRules, null);

        assertThat(guard.refuse(URI.create("http://127.0.0.1:8080/pile/manuals/3?seed=1"))).isNull();
        assertThat(guard.refuse(URI.create("http://127.0.0.1:8080/pile/sitemap.xml?count=3"))).isNull();
        assertThat(guard.refuse(URI.create("http://127.0.0.1:8080/pile?count=3"))).isNull();
        for (String other : List.of("/actuator/health", "/api/runs", "/", "/runs", "/pile/../actuator/health")) {
            assertThat(guard.refuse(URI.create("http://127.0.0.1:8080" + other))).as(other)
                    .extracting(ItemException::type).isEqualTo(FailureType.BLOCKED);
        }
    }

    @Test
    void thePileRuleWaitsForTheWebServer() {
        PileOrigin unstarted = new PileOrigin(new PileProperties(null, 10, Duration.ofSeconds(1)));

        assertThat(new PileTrustedOrigin(unstarted).allowRules()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"http://127.0.0.1:8080, 127.0.0.1:8080/pile/", "https://cartage.example.org, cartage.example.org:443/pile/",
            "https://demo.example/cartage/, demo.example:443/cartage/pile/", "http://[::1]:9000, [::1]:9000/pile/"})
    void thePileRuleIsItsOriginAndPilePath(String base, String rule) {
        assertThat(PileTrustedOrigin.of(URI.create(base))).isEqualTo(AllowRule.parse(rule));
    }
}
