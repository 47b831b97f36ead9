package dev.cartage.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchProperties;
import reactor.test.StepVerifier;

/**
 * A sitemap of 50,000 pages from a local server is a backpressured stream: the expander parses a {@code <loc>}
 * only when one more item is asked for, so the first page leaves before the rest is parsed and a subscriber that
 * asks for 10 has had exactly 10 parsed. Counted with {@link SitemapSource#locsRead()}.
 */
class SitemapStreamingTest {

    private static final int PAGES = 50_000;
    private static final FetchProperties FETCH = new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2),
            DataSize.ofMegabytes(10), 3, 20);

    private static SourceFixture fixture;
    private static TestOrigin origin;
    private static SitemapSource sitemaps;
    private static SourceExpander expander;
    private static List<SourceSpec> bigSitemap;

    @BeforeAll
    static void start() {
        fixture = SourceFixture.start(FETCH);
        origin = fixture.origin();
        origin.serve("/big.xml", "application/xml", TestOrigin.urlset(SitemapSourceTest.pages("page", PAGES)));
        sitemaps = fixture.sitemaps(SourceLimits.defaults());
        expander = fixture.expander(sitemaps);
        bigSitemap = List.of(new SourceSpec.Sitemap(origin.url("/big.xml"), PAGES));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void theFirstPageLeavesBeforeTheRestOfTheSitemapIsParsed() {
        long before = sitemaps.locsRead();

        StepVerifier.create(expander.expand(bigSitemap), 0)
                .thenRequest(1)
                .assertNext(item -> {
                    assertThat(item.seq()).isZero();
                    assertThat(item.source()).isEqualTo("https://example.org/page/0");
                })
                .then(() -> assertThat(sitemaps.locsRead() - before).isEqualTo(1))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aSubscriberAskingForTenGetsTenAndNothingMoreIsParsed() {
        long before = sitemaps.locsRead();

        StepVerifier.create(expander.expand(bigSitemap), 0)
                .thenRequest(10)
                .expectNextCount(10)
                .expectNoEvent(Duration.ofMillis(300))
                .then(() -> assertThat(sitemaps.locsRead() - before).isEqualTo(10))
                .thenRequest(5)
                .assertNext(item -> assertThat(item.seq()).isEqualTo(10))
                .expectNextCount(4)
                .then(() -> assertThat(sitemaps.locsRead() - before).isEqualTo(15))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void drainedToTheEndTheSitemapYieldsEveryPageNumberedInOrder() {
        StepVerifier.create(expander.expand(bigSitemap).map(item -> item.seq() + " " + item.source()).buffer(PAGES))
                .assertNext(all -> {
                    assertThat(all).hasSize(PAGES);
                    assertThat(all.get(0)).isEqualTo("0 https://example.org/page/0");
                    assertThat(all.get(PAGES - 1)).isEqualTo((PAGES - 1) + " https://example.org/page/" + (PAGES - 1));
                })
                .verifyComplete();
    }
}
