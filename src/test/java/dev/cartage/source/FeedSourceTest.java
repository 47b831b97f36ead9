package dev.cartage.source;

import static dev.cartage.source.SitemapSourceTest.failed;
import static dev.cartage.source.SitemapSourceTest.items;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cartage.pipeline.FailureType;

/** Feed sources against a local origin: RSS and Atom entry links, resolved, limited, and what broken feeds do. */
class FeedSourceTest {

    private static SourceFixture fixture;
    private static TestOrigin origin;
    private static FeedSource feeds;

    @BeforeAll
    static void start() {
        fixture = SourceFixture.start(SourceFixture.FETCH);
        origin = fixture.origin();
        feeds = fixture.feeds(SourceLimits.defaults());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void anRssFeedListsItsItemLinksInFeedOrder() {
        origin.serve("/rss.xml", "application/rss+xml; charset=UTF-8", rss(
                "<item><title>One</title><link>https://example.org/one</link></item>",
                "<item><title>Two</title><guid isPermaLink=\"true\">https://example.org/two</guid></item>",
                "<item><title>Três</title><link>https://example.org/tr%C3%AAs</link></item>"));

        assertThat(items(expand("/rss.xml", 100))).containsExactly("https://example.org/one", "https://example.org/two",
                "https://example.org/tr%C3%AAs");
    }

    @Test
    void anAtomFeedListsItsEntriesAlternateLinks() {
        origin.serve("/atom.xml", "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Example</title><id>urn:feed</id><updated>2024-05-01T00:00:00Z</updated>
                  <entry><title>A</title><id>urn:a</id><updated>2024-05-01T00:00:00Z</updated>
                    <link rel="alternate" href="https://example.org/a"/>
                    <link rel="enclosure" href="https://example.org/a.mp3"/></entry>
                  <entry><title>B</title><id>urn:b</id><updated>2024-05-01T00:00:00Z</updated>
                    <link href="https://example.org/b"/></entry>
                </feed>""");

        assertThat(items(expand("/atom.xml", 100))).containsExactly("https://example.org/a", "https://example.org/b");
    }

    @Test
    void relativeLinksResolveAgainstTheFeedUrl() {
        origin.serve("/blog/feed.xml", "application/rss+xml", rss(
                "<item><link>posts/1.html</link></item>",
                "<item><link>/about</link></item>",
                "<item><link>../top?q=1</link></item>"));

        assertThat(items(expand("/blog/feed.xml", 100))).containsExactly(origin.base() + "/blog/posts/1.html",
                origin.base() + "/about", origin.base() + "/top?q=1");
    }

    @Test
    void theLimitKeepsTheFirstEntries() {
        String[] entries = IntStream.range(0, 10)
                .mapToObj(i -> "<item><link>https://example.org/e" + i + "</link></item>").toArray(String[]::new);
        origin.serve("/ten.xml", "application/rss+xml", rss(entries));

        assertThat(items(expand("/ten.xml", 3))).containsExactly("https://example.org/e0", "https://example.org/e1",
                "https://example.org/e2");
    }

    @Test
    void anEntryWithoutAUsableLinkFailsAloneAsInvalidUrl() {
        origin.serve("/gaps.xml", "application/rss+xml", rss(
                "<item><title>No link</title><description>x</description></item>",
                "<item><link>mailto:someone@example.org</link></item>",
                "<item><link>https://example.org/fine</link></item>"));

        List<Expanded> expanded = expand("/gaps.xml", 100);

        assertThat(expanded).hasSize(3);
        assertThat(expanded.get(0).failure().type()).isEqualTo(FailureType.INVALID_URL);
        assertThat(expanded.get(0).failure().message()).contains("No link", "has no link");
        assertThat(expanded.get(1)).satisfies(failed(FailureType.INVALID_URL, "mailto:someone@example.org"));
        assertThat(items(expanded)).containsExactly("https://example.org/fine");
    }

    @Test
    void brokenFeedsFailAsOneParseItem() {
        origin.serve("/truncated.xml", "application/rss+xml", rss("<item><link>https://example.org/x</link></item>").substring(0, 80));
        origin.serve("/not-xml.xml", "application/rss+xml", "this is { not xml");
        origin.serve("/not-a-feed.xml", "application/xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>");

        for (String path : List.of("/truncated.xml", "/not-xml.xml", "/not-a-feed.xml")) {
            assertThat(expand(path, 100)).singleElement().satisfies(failed(FailureType.PARSE, origin.url(path).toString()));
        }
    }

    @Test
    void aMissingFeedFailsWithTheOriginsStatus() {
        List<Expanded> expanded = expand("/no-such-feed.xml", 100);

        assertThat(expanded).singleElement().satisfies(failed(FailureType.HTTP_STATUS, origin.url("/no-such-feed.xml").toString()));
        assertThat(expanded.get(0).failure().httpStatus()).isEqualTo(404);
    }

    @Test
    void aFeedDeclaringExternalEntitiesIsRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-17");
        origin.serve("/xxe-feed.xml", "application/rss+xml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rss [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY remote SYSTEM \"" + origin.base() + "/xxe-feed-called\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&file;</title><link>https://example.org/</link><description>d</description>"
                + "<item><title>&file;</title><link>https://example.org/&file;&remote;</link></item></channel></rss>");

        List<Expanded> expanded = expand("/xxe-feed.xml", 100);

        assertThat(expanded).singleElement().satisfies(failed(FailureType.PARSE, origin.url("/xxe-feed.xml").toString()));
        assertThat(expanded.get(0).failure().message()).doesNotContain("TOP-SECRET-17");
        assertThat(origin.requested()).doesNotContain("/xxe-feed-called");
    }

    private static List<Expanded> expand(String path, int limit) {
        return feeds.expand(new SourceSpec.Feed(origin.url(path), limit)).collectList().block(Duration.ofSeconds(10));
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Example</title>"
                + "<link>https://example.org/</link><description>d</description>\n"
                + java.util.Arrays.stream(items).collect(Collectors.joining("\n")) + "\n</channel></rss>\n";
    }
}
