package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PileOriginTest {

    private static final PileQuery QUERY = PileQuery.of(100_000, "20ms", 3, 7);

    private final PileOrigin origin = origin("http://pile.test:8080/", 100_000);

    @Test
    void manualUrlsAreThePagesInOrderWithTheQueryParameters() {
        StepVerifier.create(origin.manualUrls(PileQuery.of(3, "1s", 0, 2)))
                .expectNext("http://pile.test:8080/pile/manuals/0?seed=2&latency=1s&failEvery=0")
                .expectNext("http://pile.test:8080/pile/manuals/1?seed=2&latency=1s&failEvery=0")
                .expectNext("http://pile.test:8080/pile/manuals/2?seed=2&latency=1s&failEvery=0")
                .verifyComplete();
    }

    @Test
    void manualUrlsListExactlyCountPages() {
        StepVerifier.create(origin.manualUrls(QUERY).count()).expectNext(100_000L).verifyComplete();
        StepVerifier.create(origin.manualUrls(QUERY).last())
                .expectNext("http://pile.test:8080/pile/manuals/99999?seed=7&latency=20ms&failEvery=3")
                .verifyComplete();
        StepVerifier.create(origin.manualUrls(PileQuery.of(0))).verifyComplete();
    }

    @Test
    void manualUrlsAreMadeOnlyAsRequested() {
        StepVerifier.create(origin.manualUrls(QUERY).take(3)).expectNextCount(3).verifyComplete();
        StepVerifier.create(origin.manualUrls(QUERY), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(10))
                .thenRequest(2)
                .expectNext(origin.manualUrl(QUERY, 0), origin.manualUrl(QUERY, 1))
                .thenCancel()
                .verify();
    }

    @Test
    void aPileTooLargeToListIsStillExpandedLazily() {
        PileOrigin unbounded = origin("http://pile.test", Integer.MAX_VALUE);
        PileQuery huge = PileQuery.of(Integer.MAX_VALUE);

        StepVerifier.create(unbounded.manualUrls(huge).take(3))
                .expectNext("http://pile.test/pile/manuals/0?seed=1&latency=0ms&failEvery=0")
                .expectNextCount(2)
                .verifyComplete();
    }

    @Test
    void queriesOverTheLimitsFailOnSubscription() {
        StepVerifier.create(origin.manualUrls(PileQuery.of(100_001)))
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(PileQueryException.class)
                        .hasMessageContaining("100000").hasMessageContaining("cartage.pile.max-count"));
        assertThatThrownBy(() -> origin.requireWithinLimits(PileQuery.of(1, "61s", 0, 1)))
                .isInstanceOf(PileQueryException.class).hasMessageContaining("60s");
        assertThat(origin.requireWithinLimits(PileQuery.of(100_000, "60s", 0, 1)).count()).isEqualTo(100_000);
    }

    @Test
    void configuredBaseUrlIsUsedWithoutItsTrailingSlashAndKeepsItsPath() {
        PileOrigin prefixed = origin("https://demo.example/cartage/", 10);

        assertThat(origin.baseUrl()).isEqualTo(URI.create("http://pile.test:8080"));
        assertThat(prefixed.manualUrl(PileQuery.of(1), 4))
                .isEqualTo("https://demo.example/cartage/pile/manuals/4?seed=1&latency=0ms&failEvery=0");
        assertThat(prefixed.sitemapUrl(PileQuery.of(1)))
                .isEqualTo("https://demo.example/cartage/pile/sitemap.xml?count=1&seed=1&latency=0ms&failEvery=0");
    }

    @Test
    void withoutPropertyOrServerTheBaseUrlIsNotKnownYet() {
        PileOrigin unstarted = new PileOrigin(new PileProperties(null, 10, Duration.ofSeconds(1)));

        assertThatThrownBy(unstarted::baseUrl).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cartage.pile.base-url");
        StepVerifier.create(unstarted.manualUrls(PileQuery.of(1))).verifyError(IllegalStateException.class);
        assertThat(unstarted.isPileUrl(URI.create("http://127.0.0.1:8080/pile/manuals/0"))).isFalse();
    }

    @Test
    void pileUrlsAreThoseOfTheBaseOriginUnderPile() {
        assertThat(origin.isPileUrl(URI.create("http://pile.test:8080/pile/manuals/3?seed=1"))).isTrue();
        assertThat(origin.isPileUrl(URI.create("HTTP://PILE.test:8080/pile"))).isTrue();
        assertThat(origin.isPileUrl(URI.create("http://pile.test:8080/pile/../api/runs"))).isFalse();
        assertThat(origin.isPileUrl(URI.create("http://pile.test:8080/piles"))).isFalse();
        assertThat(origin.isPileUrl(URI.create("http://pile.test:8081/pile/manuals/3"))).isFalse();
        assertThat(origin.isPileUrl(URI.create("https://pile.test:8080/pile/manuals/3"))).isFalse();
        assertThat(origin.isPileUrl(URI.create("http://other.test:8080/pile/manuals/3"))).isFalse();
    }

    private static PileOrigin origin(String baseUrl, int maxCount) {
        return new PileOrigin(new PileProperties(URI.create(baseUrl), maxCount, Duration.ofSeconds(60)));
    }
}
