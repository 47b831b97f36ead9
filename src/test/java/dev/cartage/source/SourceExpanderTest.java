package dev.cartage.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cartage.fetch.mirror.Balance;
import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.FailureType;

/** Every source form expanded into items, numbered in request order, with broken documents as failed items. */
class SourceExpanderTest {

    private static SourceFixture fixture;
    private static TestOrigin origin;
    private static SourceExpander expander;

    @BeforeAll
    static void start() {
        fixture = SourceFixture.start(SourceFixture.FETCH);
        origin = fixture.origin();
        expander = fixture.expander(fixture.sitemaps(SourceLimits.defaults()));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void itemsAreNumberedInRequestOrderThenInTheirEntrysOwnOrder() {
        origin.serve("/s.xml", "application/xml", TestOrigin.urlset(List.of("https://example.org/s0", "nonsense:", "https://example.org/s2")));
        origin.serve("/f.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title><link>https://example.org/</link>"
                + "<description>d</description><item><link>https://example.org/f0</link></item></channel></rss>");
        List<SourceSpec> sources = List.of(
                new SourceSpec.Url(URI.create("https://example.org/first")),
                new SourceSpec.Sitemap(origin.url("/s.xml"), 100),
                ListedItems.spec("https://example.org/c0", "https://example.org/c1"),
                new SourceSpec.Sitemap(origin.url("/gone.xml"), 100),
                new SourceSpec.Feed(origin.url("/f.xml"), 100),
                new SourceSpec.Inline("<p>hi</p>".getBytes(StandardCharsets.UTF_8), "text/html", null, null),
                new SourceSpec.Mirrored(List.of(URI.create("https://a.org/x"), URI.create("https://b.org/x")),
                        Balance.ROUND_ROBIN, null));

        List<Envelope<SourceItem>> items = expander.expand(sources).collectList().block(Duration.ofSeconds(10));

        assertThat(items).extracting(Envelope::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(items).extracting(Envelope::source).containsExactly(
                "https://example.org/first",
                "https://example.org/s0", "nonsense:", "https://example.org/s2",
                "https://example.org/c0", "https://example.org/c1",
                origin.url("/gone.xml").toString(),
                "https://example.org/f0",
                "inline[5]",
                "https://a.org/x");
        assertThat(items.get(2).failure().type()).isEqualTo(FailureType.INVALID_URL);
        assertThat(items.get(6).failure().type()).isEqualTo(FailureType.HTTP_STATUS);
        assertThat(items).filteredOn(Envelope::isFailed).extracting(Envelope::seq).containsExactly(2L, 6L);
        assertThat(items.get(1).payload()).isEqualTo(SourceItem.of(URI.create("https://example.org/s0")));
    }

    @Test
    void inlineItemsCarryTheirDocumentAsUtf8AndAreNamedByTheirName() {
        SourceSpec.Inline inline = new SourceSpec.Inline("<p>é</p>".getBytes(StandardCharsets.UTF_8), "text/html",
                "notes.html", URI.create("https://example.org/docs/"));

        Envelope<SourceItem> item = expander.expand(List.of(inline)).blockFirst(Duration.ofSeconds(5));

        assertThat(item.source()).isEqualTo("notes.html");
        SourceItem.Inline payload = (SourceItem.Inline) item.payload();
        assertThat(payload.type()).isEqualTo("text/html;charset=UTF-8");
        assertThat(payload.content()).isEqualTo(inline.content());
        assertThat(payload.baseUrl()).isEqualTo(URI.create("https://example.org/docs/"));
    }

    @Test
    void aMirroredEntryIsOneItemWithAllItsAddresses() {
        List<URI> urls = List.of(URI.create("https://a.org/x"), URI.create("https://b.org/x"));

        Envelope<SourceItem> item = expander.expand(List.of(new SourceSpec.Mirrored(urls, Balance.FIRST_RESPONSE,
                Duration.ofMillis(200)))).single().block(Duration.ofSeconds(5));

        assertThat(item.payload()).isEqualTo(new SourceItem.Mirrored(urls, Balance.FIRST_RESPONSE, Duration.ofMillis(200)));
    }

    @Test
    void theCountIsKnownAheadOnlyWithoutSitemapsAndFeeds() {
        assertThat(SourceExpander.count(List.of(new SourceSpec.Url(URI.create("https://a.org")),
                ListedItems.spec("https://a.org/1", "https://a.org/2", "https://a.org/3")))).hasValue(4);
        assertThat(SourceExpander.count(List.of(new SourceSpec.Feed(URI.create("https://a.org/f"), 10)))).isEmpty();
    }
}
