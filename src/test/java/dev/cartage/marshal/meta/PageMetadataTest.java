package dev.cartage.marshal.meta;

import dev.cartage.marshal.MarshalDeadline;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PageMetadataTest {

    private static final String BASE = "https://news.example.org/2024/03/ada.html";

    private static final String RICH_PAGE = """
            <!doctype html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <base href="https://cdn.example.net/site/">
              <title>  Ada   Lovelace, the first programmer | Example News </title>
              <meta name="description" content="How a  19th-century mathematician  wrote the first program.">
              <meta name="author" content="Meta Author">
              <meta name="application-name" content="Example App">
              <meta property="og:title" content="Ada Lovelace">
              <meta property="og:site_name" content="Example News">
              <meta property="og:url" content="/2024/03/ada">
              <meta property="og:image" content="javascript:alert(1)">
              <meta property="og:image" content="img/ada.jpg">
              <meta property="og:image:width" content="1200">
              <meta property="og:locale" content="fr_FR">
              <meta property="article:author" content="https://news.example.org/authors/jane">
              <meta property="article:published_time" content="2024-03-05T09:00:00Z">
              <meta name="twitter:card" content="summary_large_image">
              <meta name="twitter:image" content="//img.example.net/t.png">
              <meta name="twitter:description" content="Twitter description">
              <link rel="canonical" href="../canonical/ada">
              <link rel="shortcut icon" href="/favicon.png">
              <link rel="apple-touch-icon" href="/touch.png">
              <script type="application/ld+json">{"@context": "https://schema.org", this is not json</script>
              <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "@id": "#site", "name": "Example Site From Graph"},
                  {"@type": "NewsArticle", "headline": "Ada",
                   "author": [{"@type": "Person", "name": "Jane  Doe"}, {"@id": "#john"}, "Max Mustermann"],
                   "datePublished": "2024-03-05 10:00:00+0100",
                   "publisher": {"@type": "Organization", "name": "Example Publishing"},
                   "image": {"@type": "ImageObject", "url": "https://img.example.net/ld.jpg"}},
                  {"@type": "Person", "@id": "#john", "name": "John Roe"}
                ]}
              </script>
            </head>
            <body>
              <header><h1>Site name header</h1></header>
              <article><h1>Ada Lovelace</h1><p class="byline">By Someone Else</p>
                <time datetime="2020-01-01">long ago</time><p>Text.</p></article>
            </body>
            </html>
            """;

    @Test
    void everyFieldOfARichPageIsReadWithUrlsMadeAbsolute() {
        Metadata metadata = read(RICH_PAGE);

        assertThat(metadata.title()).isEqualTo("Ada Lovelace, the first programmer | Example News");
        assertThat(metadata.byline()).isEqualTo("Jane Doe, John Roe, Max Mustermann");
        assertThat(metadata.published()).isEqualTo("2024-03-05T10:00:00+01:00");
        assertThat(metadata.language()).isEqualTo("en-GB");
        assertThat(metadata.siteName()).isEqualTo("Example News");
        assertThat(metadata.description()).isEqualTo("How a 19th-century mathematician wrote the first program.");
        // the page's <base> wins over its URL for every relative address
        assertThat(metadata.canonicalUrl()).isEqualTo("https://cdn.example.net/canonical/ada");
        assertThat(metadata.image()).isEqualTo("https://cdn.example.net/site/img/ada.jpg");
        assertThat(metadata.favicon()).isEqualTo("https://cdn.example.net/favicon.png");
        assertThat(metadata.openGraph())
                .containsEntry("og:title", "Ada Lovelace")
                .containsEntry("og:url", "https://cdn.example.net/2024/03/ada")
                .containsEntry("og:image", "https://cdn.example.net/site/img/ada.jpg")
                .containsEntry("og:image:width", "1200")
                .containsEntry("article:author", "https://news.example.org/authors/jane")
                .containsEntry("article:published_time", "2024-03-05T09:00:00Z")
                .doesNotContainKey("twitter:card");
        assertThat(metadata.twitter())
                .containsEntry("twitter:card", "summary_large_image")
                .containsEntry("twitter:image", "https://img.example.net/t.png")
                .containsEntry("twitter:description", "Twitter description");
        assertThat(metadata.jsonLd()).hasSize(1);
        assertThat(metadata.jsonLd().get(0).get("@graph").size()).isEqualTo(3);
    }

    @Test
    void javascriptAndDataAddressesNeverBecomeImagesIconsOrMapValues() {
        Metadata metadata = read("""
                <meta property="og:image" content="javascript:alert(1)">
                <meta property="og:image:url" content=" JaVaScRiPt:alert(1)">
                <meta property="og:url" content="data:text/html,<script>alert(1)</script>">
                <meta name="twitter:image" content="java&#x09;script:alert(1)">
                <link rel="icon" href="javascript:alert(1)">
                <link rel="canonical" href="vbscript:msgbox">
                <script type="application/ld+json">{"@type": "Article", "image": "javascript:alert(2)"}</script>
                <p>x</p>""");

        assertThat(metadata.image()).isNull();
        assertThat(metadata.favicon()).isNull();
        assertThat(metadata.canonicalUrl()).isNull();
        assertThat(metadata.openGraph()).isEmpty();
        assertThat(metadata.twitter().values()).noneMatch(value -> value.toLowerCase().contains("script"));
    }

    @Test
    void jsonLdBlocksAreKeptAsTheyAreAndBadOnesSkipped() {
        Metadata metadata = read("""
                <script type="application/ld+json">[{"@type": "BlogPosting", "author": {"@type": "Person",
                  "name": ["Grace Hopper"]}}, {"@type": "Organization", "name": "Org"}]</script>
                <script type="application/ld+json">{"broken": </script>
                <script type="application/ld+json"></script>
                <script type="APPLICATION/LD+JSON">{"@type": "WebSite", "name": "Site From JSON-LD"}</script>
                <script type="application/json">{"@type": "WebSite", "name": "Not JSON-LD"}</script>""");

        assertThat(metadata.jsonLd()).extracting(JsonNode::isArray).containsExactly(true, false);
        assertThat(metadata.byline()).isEqualTo("Grace Hopper");
        assertThat(metadata.siteName()).isEqualTo("Site From JSON-LD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "meta author                 | <meta name=author content='Meta Author'><p class=byline>By X</p>                    | Meta Author",
            "article:author as a name    | <meta property=article:author content='Og Author'>                                  | Og Author",
            "article:author as a URL     | <meta property=article:author content='https://x.org/a'><a rel=author>Rel Author</a> | Rel Author",
            "rel=author                  | <a rel='author external' href=/me>Rel Author</a>                                    | Rel Author",
            "itemprop author with name   | <div itemprop=author><img src=a.png><span itemprop=name>Item Name</span> bio</div>  | Item Name",
            "byline class, By dropped    | <p class='post byline'>By   Jane Doe</p>                                            | Jane Doe",
            "author class                | <span class=author>Jane Doe</span>                                                  | Jane Doe",
            "long byline text is no name | <div class=byline>" + "This is a whole paragraph about the author and her many books, far longer than any name could ever be written out.</div> | ",
    })
    void bylineTakesTheFirstSourceInOrder(String what, String html, String byline) {
        assertThat(read(html + "<p>text</p>").byline()).isEqualTo(byline);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "title element first          | <title>T</title><meta property=og:title content=O><h1>H</h1> | T",
            "og:title next                | <meta property=og:title content=O><h1>H</h1>                 | O",
            "the first h1 last            | <h1> H  one </h1><h1>H2</h1>                                | H one",
    })
    void titleTakesTheFirstSourceInOrder(String what, String html, String title) {
        assertThat(read(html).title()).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "html lang                | <html lang=pt-BR><meta property=og:locale content=en_US>    | pt-BR",
            "og:locale, underscore    | <meta property=og:locale content=en_US>                     | en-US",
            "content-language         | <meta http-equiv=content-language content='de, en'>        | de",
            "malformed lang ignored   | <html lang='<script>'><meta property=og:locale content=it> | it",
    })
    void languageTakesTheFirstWellFormedSource(String what, String html, String language) {
        assertThat(read(html).language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "og:site_name                 | <meta property=og:site_name content=OG><meta name=application-name content=App> | OG",
            "JSON-LD publisher.name       | <script type=application/ld+json>{\"@type\":\"Article\",\"publisher\":{\"name\":\"Pub\"}}</script><meta name=application-name content=App> | Pub",
            "application-name             | <meta name=application-name content=App>                                        | App",
    })
    void siteNameTakesTheFirstSourceInOrder(String what, String html, String siteName) {
        assertThat(read(html).siteName()).isEqualTo(siteName);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "meta description     | <meta name=description content=D><meta property=og:description content=O> | D",
            "og:description       | <meta property=og:description content=O><meta name=twitter:description content=T> | O",
            "twitter:description  | <meta name=twitter:description content=T>                                 | T",
    })
    void descriptionTakesTheFirstSourceInOrder(String what, String html, String description) {
        assertThat(read(html).description()).isEqualTo(description);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "JSON-LD datePublished        | <script type=application/ld+json>{\"@type\":\"Article\",\"datePublished\":\"2024-01-02\"}</script><meta property=article:published_time content=2023-01-01> | 2024-01-02",
            "article:published_time       | <meta property=article:published_time content='2023-05-06T07:08:09.5+02:00'>  | 2023-05-06T07:08:09.5+02:00",
            "itemprop datePublished       | <meta itemprop=datePublished content='Tue, 3 Jun 2008 11:05:30 GMT'>          | 2008-06-03T11:05:30Z",
            "time in the article          | <article><time datetime='2022-02-03T04:05'>then</time></article>               | 2022-02-03T04:05:00",
            "time outside is not the date | <footer><time datetime='2022-02-03'>then</time></footer>                       | ",
            "unparsable kept as given     | <meta property=article:published_time content='March 5th, 2024'>              | March 5th, 2024",
    })
    void publishedTakesTheFirstSourceInOrderNormalised(String what, String html, String published) {
        assertThat(read(html).published()).isEqualTo(published);
    }

    @Test
    void faviconTakesAnIconLinkBeforeTheAppleTouchIconAndNeverGuesses() {
        assertThat(read("<link rel=apple-touch-icon href=/touch.png><link rel=ICON href=/i.svg>").favicon())
                .isEqualTo("https://news.example.org/i.svg");
        assertThat(read("<link rel=apple-touch-icon-precomposed href=/touch.png>").favicon())
                .isEqualTo("https://news.example.org/touch.png");
        assertThat(read("<p>no icon</p>").favicon()).isNull();
    }

    @Test
    void aHostilePageCannotBloatTheMetadata() {
        StringBuilder html = new StringBuilder("<meta name=description content='" + "long ".repeat(2_000) + "'>");
        html.append("<meta property=og:image content='https://x.org/").append("a".repeat(3_000)).append("'>");
        for (int i = 0; i < 1_000; i++) {
            html.append("<meta property=og:p").append(i).append(" content=v>");
        }
        html.append("<script type=application/ld+json>{\"big\": \"").append("x".repeat(300 * 1024)).append("\"}</script>");
        for (int i = 0; i < 100; i++) {
            html.append("<script type=application/ld+json>{\"n\": ").append(i).append("}</script>");
        }
        html.append("<script type=application/ld+json>").append("[".repeat(1_000)).append("]".repeat(1_000))
                .append("</script>");

        Metadata metadata = read(html.toString());

        assertThat(metadata.description()).hasSizeLessThanOrEqualTo(MetaText.MAX_CHARS).startsWith("long long");
        assertThat(metadata.image()).as("a URL is dropped, not cut").isNull();
        assertThat(metadata.openGraph()).hasSize(MetaTags.MAX_ENTRIES);
        assertThat(metadata.jsonLd()).hasSize(JsonLd.MAX_BLOCKS);
        assertThat(metadata.jsonLd().get(0).get("n").asInt()).as("the oversized block is skipped").isZero();
    }

    @Test
    void aPageWithoutMetadataHasNone() {
        Metadata metadata = read("<p>just text</p>");

        assertThat(metadata).isEqualTo(Metadata.NONE);
    }

    private static Metadata read(String html) {
        return PageMetadata.read(Jsoup.parse(html, BASE), MarshalDeadline.after(Duration.ofSeconds(5)));
    }
}
