package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.test.StepVerifier;

/** The latency of pile URLs is a timer, not a sleeping thread: proven in virtual time. */
class PileLatencyTest {

    private final PileController controller = new PileController(new PileOrigin(
            new PileProperties(URI.create("http://pile.test"), 100_000, Duration.ofSeconds(60))));

    @Test
    void pageAnswersOnlyAfterItsLatency() {
        StepVerifier.withVirtualTime(() -> controller.manual(0, 1, "10s", 0))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(9_999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(html -> assertThat(html).isEqualTo(new ManualGenerator().page(1, 0)))
                .verifyComplete();
    }

    @Test
    void failingPageFailsOnlyAfterItsLatency() {
        StepVerifier.withVirtualTime(() -> controller.manual(2, 1, "5s", 3))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(4_999))
                .thenAwait(Duration.ofMillis(1))
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseStatusException.class)
                        .extracting(x -> ((ResponseStatusException) x).getStatusCode())
                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void sitemapAndListingWaitTheirLatencyToo() {
        StepVerifier.withVirtualTime(() -> controller.sitemap(2, 1, "3s", 0))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(head -> assertThat(head).contains("<urlset"))
                .thenCancel()
                .verify();
        StepVerifier.withVirtualTime(() -> controller.listing(2, 1, "3s", 0))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(listing -> assertThat(listing.pages()).hasSize(2))
                .verifyComplete();
    }

    @Test
    void badParametersFailAtOnceWithoutWaiting() {
        StepVerifier.withVirtualTime(() -> controller.manual(0, 1, "61s", 0))
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(ServerWebInputException.class)
                        .hasMessageContaining("latency 61s is above the limit of 60s"));
    }
}
