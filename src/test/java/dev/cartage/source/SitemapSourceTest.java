package dev.cartage.source;

import static dev.cartage.source.TestOrigin.gzip;
import static dev.cartage.source.TestOrigin.index;
import static dev.cartage.source.TestOrigin.urlset;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.Stage;

/** Sitemap sources against a local origin: what they list, how indexes are followed, how broken ones fail. */
class SitemapSourceTest {

    private static final String XML = "application/xml";
    private static SourceFixture fixture;
    private static TestOrigin origin;
    private static SitemapSource sitemaps;

    @BeforeAll
    static void start() {
        fixture = SourceFixture.start(SourceFixture.FETCH);
        origin = fixture.origin();
        sitemaps = fixture.sitemaps(new SourceLimits(50_000, 1024, 16, 2, Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aUrlsetListsEveryPageInDocumentOrder() {
        origin.serve("/plain.xml", XML, urlset(pages("plain", 5)));

        assertThat(items(expand("/plain.xml"))).containsExactlyElementsOf(pages("plain", 5));
    }

    @Test
    void extensionLocationsAndEntriesWithoutLocAreNotPages() {
        origin.serve("/images.xml", XML, """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
                  <url><loc>https://example.org/a</loc>
                       <image:image><image:loc>https://example.org/a.png</image:loc></image:image></url>
                  <url><lastmod>2024-01-01</lastmod></url>
                  <url><loc>
                     https://example.org/b?x=1&amp;y=2
                  </loc><priority>0.5</priority></url>
                </urlset>""");

        assertThat(items(expand("/images.xml"))).containsExactly("https://example.org/a", "https://example.org/b?x=1&y=2");
    }

    @Test
    void gzippedSitemapsAreUnpackedWhateverTheyAreCalled() {
        String xml = urlset(pages("gz", 3));
        origin.serve("/typed.xml.gz", "application/gzip", gzip(xml));
        origin.serve("/untyped.bin", "application/octet-stream", gzip(xml));
        origin.serve("/encoded.xml.gz", 200, Map.of("Content-Type", XML, "Content-Encoding", "gzip"), gzip(xml));

        assertThat(items(expand("/typed.xml.gz"))).containsExactlyElementsOf(pages("gz", 3));
        assertThat(items(expand("/untyped.bin"))).containsExactlyElementsOf(pages("gz", 3));
        assertThat(items(expand("/encoded.xml.gz"))).containsExactlyElementsOf(pages("gz", 3));
    }

    @Test
    void aGzipThatUnpacksPastTheBodyLimitFailsAsTooLarge() {
        origin.serve("/bomb.xml.gz", "application/gzip",
                gzip("<urlset>" + " ".repeat((int) SourceFixture.FETCH.maxBodySize().toBytes() + 1) + "</urlset>"));

        List<Expanded> expanded = expand("/bomb.xml.gz");

        assertThat(expanded).singleElement().satisfies(failed(FailureType.TOO_LARGE, origin.url("/bomb.xml.gz").toString()));
    }

    @Test
    void plainTextSitemapsListOneUrlPerLine() {
        origin.serve("/sitemap.txt", "text/plain; charset=UTF-8",
                "\n" + String.join("\r\n", pages("text", 3)) + "\n\n  " + "https://example.org/last  \n");

        assertThat(items(expand("/sitemap.txt"))).containsExactly("https://example.org/text/0",
                "https://example.org/text/1", "https://example.org/text/2", "https://example.org/last");
    }

    @Test
    void anIndexIsFollowedIntoItsSitemapsInOrder() {
        origin.serve("/index.xml", XML, index(List.of(origin.base() + "/child-a.xml", origin.base() + "/child-b.xml")));
        origin.serve("/child-a.xml", XML, urlset(pages("a", 2)));
        origin.serve("/child-b.xml", XML, urlset(pages("b", 3)));

        assertThat(items(expand("/index.xml"))).containsExactly("https://example.org/a/0", "https://example.org/a/1",
                "https://example.org/b/0", "https://example.org/b/1", "https://example.org/b/2");
    }

    @Test
    void nestedIndexesAreFollowedDownToTheDepthLimitAndNoFurther() {
        origin.serve("/nest-0.xml", XML, index(List.of(origin.base() + "/nest-1.xml", origin.base() + "/deep-0.xml")));
        origin.serve("/nest-1.xml", XML, index(List.of(origin.base() + "/nest-2.xml")));
        origin.serve("/nest-2.xml", XML, urlset(pages("nested", 2)));
        // depth limit 2: deep-0 (depth 1) → deep-1 (2) → deep-2 (3) is one level too deep
        origin.serve("/deep-0.xml", XML, index(List.of(origin.base() + "/deep-1.xml")));
        origin.serve("/deep-1.xml", XML, index(List.of(origin.base() + "/deep-2.xml")));
        origin.serve("/deep-2.xml", XML, urlset(pages("too-deep", 1)));

        List<Expanded> expanded = expand("/nest-0.xml");

        assertThat(expanded).hasSize(3);
        assertThat(items(expanded)).containsExactlyElementsOf(pages("nested", 2));
        assertThat(expanded.get(2)).satisfies(failed(FailureType.PARSE, origin.url("/deep-2.xml").toString()));
        assertThat(expanded.get(2).failure().message()).contains("cartage.limits.max-sitemap-depth");
        assertThat(origin.requested()).doesNotContain("/deep-2.xml");
    }

    @Test
    void indexCyclesEndAndEachSitemapIsReadOnce() {
        origin.serve("/cycle-a.xml", XML, index(List.of(origin.base() + "/cycle-b.xml", origin.base() + "/cycle-a.xml")));
        origin.serve("/cycle-b.xml", XML, index(List.of(origin.base() + "/cycle-a.xml", origin.base() + "/cycle-pages.xml")));
        origin.serve("/cycle-pages.xml", XML, urlset(pages("cycle", 2)));

        assertThat(items(expand("/cycle-a.xml"))).containsExactlyElementsOf(pages("cycle", 2));
        assertThat(origin.requested()).filteredOn(path -> path.startsWith("/cycle-")).hasSize(3);
    }

    @Test
    void theLimitCountsItemsAcrossSitemapsAndStopsFetchingMore() {
        origin.serve("/limit-index.xml", XML, index(List.of(origin.base() + "/limit-a.xml", origin.base() + "/limit-b.xml")));
        origin.serve("/limit-a.xml", XML, urlset(pages("limit-a", 3)));
        origin.serve("/limit-b.xml", XML, urlset(pages("limit-b", 3)));

        List<Expanded> expanded = sitemaps.expand(new SourceSpec.Sitemap(origin.url("/limit-index.xml"), 3))
                .collectList().block(Duration.ofSeconds(10));

        assertThat(items(expanded)).containsExactlyElementsOf(pages("limit-a", 3));
        assertThat(origin.requested()).doesNotContain("/limit-b.xml");
    }

    @Test
    void anEmptySitemapAddsNoItems() {
        origin.serve("/empty.xml", XML, "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>");

        assertThat(expand("/empty.xml")).isEmpty();
    }

    @Test
    void brokenXmlFailsAsOneItemAfterThePagesReadBeforeTheBreak() {
        String whole = urlset(pages("broken", 3));
        origin.serve("/broken.xml", XML, whole.substring(0, whole.indexOf("broken/2")));

        List<Expanded> expanded = expand("/broken.xml");

        assertThat(items(expanded)).containsExactlyElementsOf(pages("broken", 2));
        assertThat(expanded).hasSize(3);
        assertThat(expanded.get(2)).satisfies(failed(FailureType.PARSE, origin.url("/broken.xml").toString()));
        assertThat(expanded.get(2).failure().message()).doesNotContain("\n");
    }

    @Test
    void documentsThatAreNoSitemapFailAsParse() {
        origin.serve("/page.html", "text/html", "<!DOCTYPE html><html><body><p>hello</p></body></html>");
        origin.serve("/other.xml", XML, "<?xml version=\"1.0\"?><catalog><book/></catalog>");

        assertThat(expand("/page.html")).singleElement().satisfies(failed(FailureType.PARSE, origin.url("/page.html").toString()));
        assertThat(expand("/other.xml")).singleElement().satisfies(failed(FailureType.PARSE, origin.url("/other.xml").toString()));
        assertThat(expand("/other.xml").get(0).failure().message()).contains("<catalog>");
    }

    @Test
    void anInvalidLocFailsAsOneItemAndTheOthersGoOn() {
        origin.serve("/invalid.xml", XML, urlset(List.of("https://example.org/ok", "ftp://example.org/file", "",
                "/relative/page", "http://exa mple.org/", "https://example.org/also-ok")));

        List<Expanded> expanded = expand("/invalid.xml");

        assertThat(expanded).hasSize(6);
        assertThat(items(expanded)).containsExactly("https://example.org/ok", "https://example.org/also-ok");
        assertThat(expanded.subList(1, 5)).allSatisfy(e -> assertThat(e.failure().type()).isEqualTo(FailureType.INVALID_URL));
        assertThat(expanded.subList(1, 5)).extracting(Expanded::source).containsExactly("ftp://example.org/file",
                origin.url("/invalid.xml").toString(), "/relative/page", "http://exa mple.org/");
    }

    @Test
    void aMissingSitemapFailsWithTheOriginsStatus() {
        List<Expanded> expanded = expand("/missing.xml");

        assertThat(expanded).singleElement().satisfies(failed(FailureType.HTTP_STATUS, origin.url("/missing.xml").toString()));
        assertThat(expanded.get(0).failure().httpStatus()).isEqualTo(404);
        assertThat(expanded.get(0).failure().stage()).isEqualTo(Stage.FETCH);
    }

    @Test
    void aMissingChildFailsAloneAndItsSiblingsAreStillRead() {
        origin.serve("/half-index.xml", XML, index(List.of(origin.base() + "/gone.xml", origin.base() + "/half-b.xml")));
        origin.serve("/half-b.xml", XML, urlset(pages("half", 2)));

        List<Expanded> expanded = expand("/half-index.xml");

        assertThat(expanded.get(0)).satisfies(failed(FailureType.HTTP_STATUS, origin.url("/gone.xml").toString()));
        assertThat(items(expanded)).containsExactlyElementsOf(pages("half", 2));
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        origin.serve("/xxe.xml", XML, "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE urlset [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY remote SYSTEM \"" + origin.base() + "/xxe-called\">]>\n"
                + "<urlset><url><loc>https://example.org/&file;&remote;</loc></url></urlset>");

        List<Expanded> expanded = expand("/xxe.xml");

        assertThat(expanded).singleElement().satisfies(failed(FailureType.PARSE, origin.url("/xxe.xml").toString()));
        assertThat(expanded.get(0).failure().message()).doesNotContain("TOP-SECRET-42");
        assertThat(origin.requested()).doesNotContain("/xxe-called");
    }

    @Test
    void aFeedInPlaceOfASitemapListsItsEntries() {
        origin.serve("/sitemap-feed.xml", "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>
                  <item><title>one</title><link>https://example.org/one</link></item>
                  <item><title>two</title><link>two</link></item>
                </channel></rss>""");

        assertThat(items(expand("/sitemap-feed.xml"))).containsExactly("https://example.org/one", origin.base() + "/two");
    }

    private static List<Expanded> expand(String path) {
        return sitemaps.expand(new SourceSpec.Sitemap(origin.url(path), 50_000)).collectList().block(Duration.ofSeconds(10));
    }

    /** The sources of the items that did not fail, in order. */
    static List<String> items(List<Expanded> expanded) {
        return expanded.stream().filter(e -> e.item() != null).map(Expanded::source).toList();
    }

    static java.util.function.Consumer<Expanded> failed(FailureType type, String source) {
        return expanded -> {
            assertThat(expanded.item()).isNull();
            assertThat(expanded.failure().type()).isEqualTo(type);
            assertThat(expanded.failure().stage()).isEqualTo(Stage.FETCH);
            assertThat(expanded.source()).isEqualTo(source);
        };
    }

    static List<String> pages(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> "https://example.org/" + prefix + "/" + i).toList();
    }
}
