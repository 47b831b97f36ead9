package dev.cartage.marshal;

import dev.cartage.marshal.Block.CodeBlock;
import dev.cartage.marshal.Block.Heading;
import dev.cartage.marshal.Block.ListBlock;
import dev.cartage.marshal.Block.Paragraph;
import dev.cartage.marshal.Block.Table;
import dev.cartage.marshal.Inline.Link;
import dev.cartage.marshal.Inline.Text;
import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlMarshallerTest {

    private static final String BASE = "https://docs.example.org/manuals/algol/intro.html";

    private static final String ARTICLE_PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>ALGOL 60 for beginners</title>
              <meta name="description" content="  A  gentle introduction.  ">
              <style>body { color: red }</style>
              <script>var tracking = "SCRIPT TEXT";</script>
            </head>
            <body>
              <div class="cookie-banner">We use cookies. <button>Accept</button></div>
              <header class="site-header"><a href="/">Obsolete Manuals</a><p>Site tagline text</p></header>
              <nav><ul><li><a href="/a">Nav item</a></li></ul></nav>
              <div class="breadcrumbs"><a href="/">Home</a> › Algol</div>
              <article>
                <h1>ALGOL 60 for beginners</h1>
                <p>ALGOL was <em>designed</em> by a committee. See the <a href="../report.html">revised report</a>.</p>
                <h2>Blocks</h2>
                <ul>
                  <li>begin
                    <ol><li>declarations</li><li>statements</li></ol>
                  </li>
                  <li>end</li>
                </ul>
                <pre><code class="language-algol">begin
              integer i;
            end</code></pre>
                <table>
                  <thead><tr><th>Keyword</th><th>Meaning</th></tr></thead>
                  <tbody><tr><td>begin</td><td>opens a block</td></tr></tbody>
                </table>
                <div class="share-buttons"><a href="https://social.example/share">Share this</a></div>
              </article>
              <aside class="sidebar"><p>Sidebar text</p></aside>
              <section id="comments"><p>First comment text</p></section>
              <footer><p>Copyright footer text</p></footer>
            </body>
            </html>
            """;

    private final HtmlMarshaller marshaller = new HtmlMarshaller(1 << 20);

    @Test
    void articleSurvivesAsBlocksWhileBoilerplateIsGone() {
        Document document = marshal(ARTICLE_PAGE, "text/html; charset=UTF-8");

        assertThat(document.title()).isEqualTo("ALGOL 60 for beginners");
        assertThat(document.language()).isEqualTo("en");
        assertThat(document.description()).isEqualTo("A gentle introduction.");
        assertThat(document.sourceUrl()).isEqualTo(BASE);
        // the h1 repeats the title, which the document holds already: the body does not repeat it
        assertThat(document.blocks()).containsExactly(
                new Paragraph(List.of(new Text("ALGOL was "), new Inline.Emphasis("designed"),
                        new Text(" by a committee. See the "),
                        new Link("revised report", "https://docs.example.org/manuals/report.html"), new Text("."))),
                new Heading(2, "Blocks"),
                new ListBlock(false, List.of(
                        new Block.ListItem(List.of(new Text("begin")), List.of(new ListBlock(true, List.of(
                                new Block.ListItem(List.of(new Text("declarations")), List.of()),
                                new Block.ListItem(List.of(new Text("statements")), List.of()))))),
                        new Block.ListItem(List.of(new Text("end")), List.of()))),
                new CodeBlock("algol", "begin\n  integer i;\nend"),
                new Table(List.of("Keyword", "Meaning"), List.of(List.of("begin", "opens a block"))));
        assertThat(allText(document)).doesNotContain("cookies", "Accept", "Obsolete Manuals", "tagline", "Nav item",
                "Home", "Share this", "Sidebar", "comment", "Copyright", "SCRIPT", "color");
    }

    @Test
    void metadataFallsBackToOpenGraphAndTheFirstHeading() {
        Document openGraph = marshal("<html xml:lang=fr><head><meta property=og:title content='OG title'>"
                + "<meta property=og:description content='OG description'></head><body><p>x</p></body></html>",
                "text/html");
        Document heading = marshal("<body><h1> The  heading </h1><p>x</p></body>", "text/html");

        assertThat(openGraph.title()).isEqualTo("OG title");
        assertThat(openGraph.description()).isEqualTo("OG description");
        assertThat(openGraph.language()).isEqualTo("fr");
        assertThat(heading.title()).isEqualTo("The heading");
        assertThat(heading.language()).isNull();
        assertThat(heading.description()).isNull();
    }

    @Test
    void withoutMainOrArticleTheElementWithMostParagraphTextIsTheContent() {
        String html = """
                <body>
                  <div class="top"><p>Short teaser.</p></div>
                  <div class="story">
                    <div class="part"><p>The first part of a long story, with enough words to win.</p></div>
                    <div class="part"><p>The second part of the story, which is just as long as the first.</p></div>
                  </div>
                </body>""";

        Document document = marshal(html, "text/html");

        assertThat(document.blocks()).extracting(Block::plainText).containsExactly(
                "The first part of a long story, with enough words to win.",
                "The second part of the story, which is just as long as the first.");
    }

    @Test
    void malformedHtmlIsRepairedNotRefused() {
        String html = "<title>Broken</title><p>one <b>bold <i>mixed</b> text<p>two<ul><li>a<li>b</ul><div>loose text, not a"
                + " list of links, and a <a href=x.html>link";

        Document document = marshal(html, "text/html");

        assertThat(document.title()).isEqualTo("Broken");
        assertThat(document.blocks()).extracting(Block::plainText)
                .containsExactly("one bold mixed text", "two", "a\nb", "loose text, not a list of links, and a link");
        assertThat(document.blocks().get(3)).isEqualTo(new Paragraph(List.of(
                new Text("loose text, not a list of links, and a "),
                new Link("link", "https://docs.example.org/manuals/algol/x.html"))));
    }

    @Test
    void charsetComesFromTheMetaTagWhenTheHeaderNamesNone() {
        byte[] latin1 = "<meta charset=iso-8859-1><p>Caf\u00e9 cr\u00e8me \u00e0 la carte</p>"
                .getBytes(StandardCharsets.ISO_8859_1);

        Document document = marshaller.marshal(latin1, "text/html", BASE);

        assertThat(document.blocks()).extracting(Block::plainText)
                .containsExactly("Caf\u00e9 cr\u00e8me \u00e0 la carte");
    }

    @Test
    void charsetFromTheHeaderWinsOverTheMetaTag() {
        byte[] latin1 = "<meta charset=utf-8><p>Caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);

        Document document = marshaller.marshal(latin1, "text/html;charset=\"ISO-8859-1\"", BASE);

        assertThat(document.blocks()).extracting(Block::plainText).containsExactly("Caf\u00e9");
    }

    @Test
    void unknownCharsetInTheHeaderFallsBackToDetection() {
        byte[] utf8 = "<p>Caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);

        Document document = marshaller.marshal(utf8, "text/html; charset=x-no-such-charset", BASE);

        assertThat(document.blocks()).extracting(Block::plainText).containsExactly("Caf\u00e9");
    }

    @Test
    void relativeLinksAreMadeAbsoluteAndUnsafeSchemesBecomeText() {
        String html = "<p><a href='/root'>root</a> <a href='sibling.html#part'>sibling</a> "
                + "<a href='//cdn.example.net/x'>cdn</a> <a href='javascript:alert(1)'>script</a> "
                + "<a href='mailto:ed@example.org'>mail</a></p>";

        Document document = marshal(html, "text/html");

        assertThat(links(document)).containsExactly(
                new Link("root", "https://docs.example.org/root"),
                new Link("sibling", "https://docs.example.org/manuals/algol/sibling.html#part"),
                new Link("cdn", "https://cdn.example.net/x"),
                new Link("mail", "mailto:ed@example.org"));
        assertThat(document.blocks().get(0).plainText()).isEqualTo("root sibling cdn script mail");
    }

    @Test
    void baseElementInThePageTakesPrecedenceOverTheBaseUrl() {
        String html = "<base href='https://mirror.example.com/docs/'><p><a href='page.html'>page</a></p>";

        assertThat(links(marshal(html, "text/html")))
                .containsExactly(new Link("page", "https://mirror.example.com/docs/page.html"));
    }

    @Test
    void missingContentTypeIsTakenAsHtmlAndXhtmlIsAccepted() {
        assertThat(marshaller.marshal(bytes("<p>untyped</p>"), null, BASE).blocks()).hasSize(1);
        assertThat(marshal("<p>xhtml</p>", "application/xhtml+xml").blocks()).hasSize(1);
    }

    @Test
    void unsupportedTypeIsRefusedNamingTheTypeAndTheSupportedOnes() {
        assertThatThrownBy(() -> marshal("%PDF-1.7", "application/pdf"))
                .isInstanceOfSatisfying(MarshalException.class, e -> {
                    assertThat(e.type()).isEqualTo(FailureType.UNSUPPORTED_TYPE);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("application/pdf")
                .hasMessageContaining("text/html")
                .hasMessageContaining("application/xhtml+xml");
    }

    @Test
    void pageWithoutTextFailsAsParse() {
        for (String html : List.of("", "<html><head><title>Only a title</title></head><body></body></html>",
                "<body><script>render()</script><div id=app></div></body>", "<p>&nbsp;</p><p>   </p>")) {
            assertThatThrownBy(() -> marshal(html, "text/html"))
                    .as(html)
                    .isInstanceOfSatisfying(MarshalException.class,
                            e -> assertThat(e.type()).isEqualTo(FailureType.PARSE));
        }
        assertThatThrownBy(() -> marshaller.marshal(null, "text/html", BASE))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.PARSE));
    }

    @Test
    void bodyOverTheLimitFailsAsTooLarge() {
        HtmlMarshaller small = new HtmlMarshaller(16);

        assertThat(small.marshal(bytes("<p>sixteen bytes"), "text/html", BASE).blocks()).hasSize(1);
        assertThatThrownBy(() -> small.marshal(bytes("<p>seventeen byte"), "text/html", BASE))
                .isInstanceOfSatisfying(MarshalException.class,
                        e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE))
                .hasMessageContaining("17 bytes")
                .hasMessageContaining("16 bytes");
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new HtmlMarshaller(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentIsKeptWhenAClassNameWrappingEverythingLooksLikeBoilerplate() {
        Document document = marshal("<body><div class='cookie-wall'><p>The actual text.</p></div></body>", "text/html");

        assertThat(document.blocks()).extracting(Block::plainText).containsExactly("The actual text.");
    }

    private Document marshal(String html, String contentType) {
        return marshaller.marshal(bytes(html), contentType, BASE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String allText(Document document) {
        return document.blocks().stream().map(Block::plainText).reduce("", (a, b) -> a + "\n" + b);
    }

    private static List<Link> links(Document document) {
        return document.blocks().stream()
                .filter(Paragraph.class::isInstance)
                .flatMap(block -> ((Paragraph) block).inlines().stream())
                .filter(Link.class::isInstance)
                .map(Link.class::cast)
                .toList();
    }
}
