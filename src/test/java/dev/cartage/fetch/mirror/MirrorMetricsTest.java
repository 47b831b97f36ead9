package dev.cartage.fetch.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The service-wide mirror metrics: counted per origin, and never more origin tags than the cap. */
class MirrorMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MirrorMetrics metrics = new MirrorMetrics(registry, new MirrorProperties(2));

    @Test
    void originsPastTheCapShareTheOtherTagSoTheSeriesStayBounded() {
        MirrorBoard board = new MirrorBoard(metrics);
        for (String host : List.of("a.test", "b.test", "c.test", "d.test", "a.test")) {
            StepVerifier.create(board.track(OriginSet.origin(URI.create("http://" + host + "/")), Mono.just(host), () -> { }))
                    .expectNext(host)
                    .verifyComplete();
        }

        assertThat(registry.find("cartage.fetch.mirror.requests").meters())
                .extracting(meter -> meter.getId().getTag("origin"))
                .containsOnly("http://a.test:80", "http://b.test:80", MirrorMetrics.OTHER);
        assertThat(completed("http://a.test:80")).isEqualTo(2);
        assertThat(completed("http://b.test:80")).isEqualTo(1);
        assertThat(completed(MirrorMetrics.OTHER)).isEqualTo(2);
        assertThat(registry.find("cartage.fetch.mirror.pending").gauges())
                .allSatisfy(gauge -> assertThat(gauge.value()).isZero());
    }

    @Test
    void pendingRisesWhileARequestIsGoingAndFailuresAreCountedByOutcome() {
        MirrorBoard board = new MirrorBoard(metrics);
        String origin = "http://a.test:80";

        StepVerifier.create(board.track(origin, Mono.error(new IllegalStateException("broken")), () -> { }))
                .then(() -> assertThat(registry.get("cartage.fetch.mirror.pending").tag("origin", origin).gauge().value())
                        .isZero())
                .verifyError(IllegalStateException.class);
        StepVerifier.create(board.track(origin, Mono.never(), () -> { }))
                .expectSubscription()
                .then(() -> assertThat(registry.get("cartage.fetch.mirror.pending").tag("origin", origin).gauge().value())
                        .isEqualTo(1))
                .thenCancel()
                .verify();

        assertThat(count(origin, "failed")).isEqualTo(1);
        assertThat(count(origin, "cancelled")).isEqualTo(1);
        assertThat(registry.get("cartage.fetch.mirror.pending").tag("origin", origin).gauge().value()).isZero();
        assertThat(board.snapshot()).containsExactly(new MirrorSnapshot(origin, 0, 0, 1, 1));
    }

    private double completed(String origin) {
        return count(origin, "completed");
    }

    private double count(String origin, String outcome) {
        return registry.find("cartage.fetch.mirror.requests").tag("origin", origin).tag("outcome", outcome)
                .meters().stream().map(Meter::measure).mapToDouble(m -> m.iterator().next().getValue()).sum();
    }
}
