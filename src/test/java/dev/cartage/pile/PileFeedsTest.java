package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.webflux.problemdetails.enabled=true")
@AutoConfigureWebTestClient(timeout = "30s")
class PileFeedsTest {

    private static final PileQuery QUERY = PileQuery.of(7, "5ms", 3, 42);
    private static final String PARAMETERS = "count=7&seed=42&latency=5ms&failEvery=3";

    @Autowired
    private WebTestClient client;

    @Autowired
    private PileOrigin origin;

    @Test
    void sitemapListsExactlyTheCountPageUrlsWithTheirParameters() {
        String xml = get("/pile/sitemap.xml?" + PARAMETERS, "application/xml;charset=UTF-8");
        Document sitemap = Jsoup.parse(xml, "", Parser.xmlParser());

        assertThat(sitemap.selectFirst("urlset").attr("xmlns"))
                .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(sitemap.select("urlset > url > loc").eachText()).isEqualTo(expectedUrls());
        assertThat(xml).contains("/pile/manuals/6?seed=42&amp;latency=5ms&amp;failEvery=3</loc>");
    }

    @Test
    void feedHasOneItemPerPageLinkingToIt() {
        Document feed = Jsoup.parse(get("/pile/feed.xml?" + PARAMETERS, "application/rss+xml;charset=UTF-8"),
                "", Parser.xmlParser());
        List<Element> items = feed.select("rss[version=2.0] > channel > item");

        assertThat(feed.selectFirst("channel > link").text()).isEqualTo(origin.listingUrl(QUERY));
        assertThat(items).extracting(item -> item.selectFirst("link").text()).isEqualTo(expectedUrls());
        assertThat(items).extracting(item -> item.selectFirst("guid").text()).isEqualTo(expectedUrls());
        assertThat(items.get(4).selectFirst("title").text()).isEqualTo(Chapter.of(42, 4).title());
    }

    @Test
    void emptyPileHasAnEmptySitemapAndFeed() {
        Document sitemap = Jsoup.parse(get("/pile/sitemap.xml?count=0", "application/xml;charset=UTF-8"),
                "", Parser.xmlParser());
        Document feed = Jsoup.parse(get("/pile/feed.xml?count=0", "application/rss+xml;charset=UTF-8"),
                "", Parser.xmlParser());

        assertThat(sitemap.select("urlset")).hasSize(1);
        assertThat(sitemap.select("url")).isEmpty();
        assertThat(feed.select("channel")).hasSize(1);
        assertThat(feed.select("item")).isEmpty();
    }

    @Test
    void sitemapOfTheLargestPileIsStreamedWhole() {
        List<String> locs = client.get().uri("/pile/sitemap.xml?count=100000&seed=3").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody()
                .filter(line -> line.contains("<loc>"))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(locs).hasSize(100_000);
        assertThat(locs.get(99_999)).contains("/pile/manuals/99999?seed=3&amp;latency=0ms&amp;failEvery=0<");
    }

    @Test
    void sitemapLinksBehaveLikeThePile() {
        Document sitemap = Jsoup.parse(get("/pile/sitemap.xml?" + PARAMETERS, "application/xml;charset=UTF-8"),
                "", Parser.xmlParser());
        List<String> locs = sitemap.select("loc").eachText();

        client.get().uri(locs.get(1)).exchange().expectStatus().isOk();
        client.get().uri(locs.get(2)).exchange().expectStatus().isEqualTo(503);
    }

    private List<String> expectedUrls() {
        return origin.manualUrls(QUERY).collectList().block();
    }

    private String get(String uri, String contentType) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(contentType)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
