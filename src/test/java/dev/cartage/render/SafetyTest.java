package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.HtmlMarshaller;
import dev.cartage.marshal.Inline;
import dev.cartage.marshal.meta.Metadata;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile pages go through marshal and render, and nothing executable comes out of {@code html} or {@code card}:
 * no script-capable element, no event handler, no inline style, no URL but http(s), mailto or inline images;
 * template expressions in content or metadata come out as the literal text they were.
 */
class SafetyTest {

    private static final Renderers RENDERERS = new Renderers();
    private static final HtmlMarshaller MARSHALLER = new HtmlMarshaller(1 << 20);
    private static final String FILLER = "<p>This article has enough ordinary words in it to be taken for content "
            + "by the extractor, which looks for paragraphs of running text rather than chrome.</p>";

    private static final Pattern SAFE_HREF = Pattern.compile("(?i)(https?://|mailto:)\\S+");
    private static final Pattern SAFE_SRC = Pattern.compile("(?i)https?://\\S+|data:image/(png|gif|jpeg|webp);\\S+");
    private static final String FORBIDDEN = "script, iframe, frame, frameset, object, embed, applet, base, form, "
            + "input, button, textarea, select, link, svg, math, noscript, template, style:not(head > style), "
            + "meta[http-equiv~=(?i)refresh], meta[http-equiv~=(?i)set-cookie]";

    static Stream<Arguments> hostilePages() {
        return Stream.of(
                page("script element", "<script>alert(1)</script><p>Hello <script>alert(2)</script>world</p>"),
                page("event handlers", "<p onclick=\"alert(1)\" onmouseover=alert(2) ONLOAD=alert(3)>Click me please</p>"),
                page("javascript link", "<p>See <a href=\"javascript:alert(1)\">this link</a> now.</p>"),
                page("javascript link with tab entity", "<p>See <a href=\"jav&#x09;ascript:alert(1)\">tab</a> now.</p>"),
                page("javascript link with newline", "<p>See <a href=\"java\nscript:alert(1)\">newline</a> now.</p>"),
                page("javascript link after a control character", "<p>See <a href=\"\u0001javascript:alert(1)\">ctl</a>.</p>"),
                page("javascript link in upper case", "<p>See <a href=\"JAVASCRIPT:alert(1)\">upper</a> now.</p>"),
                page("javascript link fully entity-encoded", "<p>See <a href=\"&#106;&#97;&#118;&#97;&#115;&#99;"
                        + "&#114;&#105;&#112;&#116;&#58;alert(1)\">encoded</a> now.</p>"),
                page("javascript link with leading spaces", "<p>See <a href=\"  javascript:alert(1)\">spaced</a>.</p>"),
                page("vbscript link", "<p>See <a href=\"vbscript:msgbox(1)\">vb</a> now.</p>"),
                page("data:text/html link", "<p>See <a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">"
                        + "data</a> now.</p>"),
                page("svg onload", "<svg onload=alert(1)><circle r=1 /></svg><p>An svg <svg><script>alert(2)</script></svg>"
                        + " inside text.</p>"),
                page("img onerror", "<p>Image <img src=x onerror=alert(1)> inside.</p><img src=x onerror=alert(2)>"),
                page("javascript image", "<figure><img src=\"javascript:alert(1)\"><figcaption>A caption</figcaption></figure>"),
                page("css expression and url(javascript:)", "<p style=\"width: expression(alert(1)); "
                        + "background: url(javascript:alert(2))\">Styled paragraph.</p><style>p{x:expression(alert(3))}</style>"),
                page("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><p>Refreshing.</p>"),
                page("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe><p>Framed.</p>"),
                page("object and embed", "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(2)\">"),
                page("form", "<form action=\"javascript:alert(1)\"><input name=q><button formaction=javascript:alert(2)>Go"
                        + "</button></form>"),
                page("escaped markup in text", "<p>Write &lt;script&gt;alert(1)&lt;/script&gt; and "
                        + "&lt;img src=x onerror=alert(2)&gt; literally.</p>"),
                page("markup in code", "<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"),
                page("mutation-style nesting", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"
                        + "</style></mglyph></table></mtext></math><noscript><p title=\"</noscript><img src=x "
                        + "onerror=alert(2)>\">Nested.</p></noscript>"),
                page("attribute breakout in a link", "<p><a href='https://x.org/\"onmouseover=\"alert(1)'>quote</a> in href.</p>"),
                new Arguments[]{Arguments.of("hostile head", "<html><head><base href=\"javascript:alert(1)//\">"
                        + "<title></title><script>alert(1)</script></title>"
                        + "<meta property=\"og:image\" content=\"javascript:alert(2)\">"
                        + "<meta name=\"description\" content=\"&quot;><script>alert(3)</script>\">"
                        + "<link rel=\"icon\" href=\"javascript:alert(4)\">"
                        + "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"></head><body><article>"
                        + "<p>Relative <a href=\"next\">link</a> under a hostile base.</p>" + FILLER
                        + "</article></body></html>")}[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePages")
    void nothingExecutableSurvivesMarshalAndRender(String name, String html) {
        Document document = MARSHALLER.marshal(html.getBytes(StandardCharsets.UTF_8), "text/html", "https://example.org/");

        assertSafe(RENDERERS.render(document, Format.HTML).content());
        assertSafe(RENDERERS.render(document, Format.CARD).content());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileMetadata")
    void hostileMetadataIsEscapedOrDropped(String name, Metadata metadata) {
        Document document = new Document("javascript:alert(9)", metadata,
                List.of(new Block.Paragraph(List.of(new Inline.Text("Body text.")))), null);

        assertSafe(RENDERERS.render(document, Format.HTML).content());
        assertSafe(RENDERERS.render(document, Format.CARD).content());
    }

    @Test
    void escapedMarkupInTheTextStaysVisibleText() {
        String html = "<html><body><article><p>Write &lt;script&gt;alert(1)&lt;/script&gt; literally.</p>" + FILLER
                + "</article></body></html>";
        Document document = MARSHALLER.marshal(html.getBytes(StandardCharsets.UTF_8), "text/html", "https://example.org/");

        assertThat(Jsoup.parse(RENDERERS.render(document, Format.HTML).content()).selectFirst(".content p").text())
                .isEqualTo("Write <script>alert(1)</script> literally.");
    }

    /** The check above must be able to fail: each of these outputs breaks one of its rules. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<script>alert(1)</script>", "<p onclick=x>a</p>", "<p style=\"color:red\">a</p>",
            "<a href=\"javascript:alert(1)\">a</a>", "<a href=\"data:text/html,x\">a</a>", "<img src=\"x\">",
            "<iframe></iframe>", "<svg></svg>", "<meta http-equiv=refresh content=0>", "<base href=\"https://x.org/\">",
            "<form></form>", "<a href=\"  https://x.org/\">a</a>"})
    void theSafetyCheckRejectsEachKindOfDanger(String output) {
        assertThatThrownBy(() -> assertSafe(output)).isInstanceOf(AssertionError.class);
    }

    static Stream<Arguments> hostileMetadata() {
        String script = "</title><script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
        return Stream.of(
                Arguments.of("javascript urls", Metadata.builder().title("T").image("javascript:alert(1)")
                        .favicon("JaVaScRiPt:alert(2)").canonicalUrl("javascript:alert(3)").build()),
                Arguments.of("control characters in urls", Metadata.builder().title("T").image("\u0001javascript:alert(1)")
                        .favicon("https://x.org/\u0000a.png").canonicalUrl("https://x.org/\n\"onmouseover=alert(1)").build()),
                Arguments.of("data and vbscript urls", Metadata.builder().title("T").image("data:text/html,<script>alert(1)</script>")
                        .favicon("vbscript:msgbox(1)").canonicalUrl("data:text/html;base64,PHNjcmlwdD4=").build()),
                Arguments.of("markup in every text field", Metadata.builder().title(script).byline(script).siteName(script)
                        .description(script).published(script).language("en\"><script>alert(1)</script>").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateInjections")
    void templateExpressionsComeOutLiterally(String expression) {
        Metadata metadata = Metadata.builder().title(expression).byline(expression).siteName(expression)
                .description(expression).published(expression).language("en").build();
        Document document = new Document("https://example.org/", metadata, List.of(
                new Block.Heading(2, expression),
                new Block.Paragraph(List.of(new Inline.Text(expression + " "), new Inline.Strong(expression))),
                new Block.CodeBlock("", expression),
                new Block.Table(List.of(expression), List.of(List.of(expression))),
                new Block.Image("https://example.org/i.png", expression, expression)), null);
        String page = "<html><head><title>" + expression + "</title><meta name=description content=\"" + expression
                + "\"></head><body><article><h2>" + expression + "</h2><p>" + expression + " in a paragraph.</p>"
                + FILLER + "</article></body></html>";
        Document marshaled = MARSHALLER.marshal(page.getBytes(StandardCharsets.UTF_8), "text/html", "https://example.org/");

        for (Document each : List.of(document, marshaled)) {
            for (Format format : Format.values()) {
                String content = RENDERERS.render(each, format).content();
                String text = format == Format.HTML || format == Format.CARD
                        ? Jsoup.parse(content).text() + Jsoup.parse(content).title() : content;
                assertThat(text).as(format + " of " + content).contains(unescapedForFormat(expression, format))
                        .doesNotContain("49").doesNotContain("java.lang.Runtime@");
            }
        }
    }

    static Stream<String> templateInjections() {
        return Stream.of("[[${T(java.lang.Runtime).getRuntime()}]]", "__${7*7}__", "*{7*7}", "[(${7*7})]", "${7*7}",
                "[[${7*7}]]", "#{7*7}", "@{/x(a=${7*7})}", "~{::script}", "th:text=\"${7*7}\"");
    }

    /** The expression as each format writes it: Markdown escapes its own specials, JSON its quotes. */
    private static String unescapedForFormat(String expression, Format format) {
        if (format == Format.MARKDOWN) {
            return MarkdownText.escape(expression, false);
        }
        return format == Format.JSON ? expression.replace("\"", "\\\"") : expression;
    }

    private static Arguments page(String name, String body) {
        return Arguments.of(name, "<html><head><title>Safe title</title></head><body><article><h1>Safe title</h1>"
                + body + FILLER + "</article></body></html>");
    }

    private static void assertSafe(String output) {
        org.jsoup.nodes.Document parsed = Jsoup.parse(output);
        assertThat(parsed.select(FORBIDDEN)).as(output).isEmpty();
        for (Element element : parsed.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as(output).doesNotStartWith("on").isNotIn("style", "srcdoc", "formaction", "action",
                        "xlink:href", "background", "dynsrc", "lowsrc", "poster", "data");
                if (key.equals("href")) {
                    assertThat(attribute.getValue()).as(output).matches(SAFE_HREF);
                }
                if (key.equals("src") || key.equals("srcset")) {
                    assertThat(attribute.getValue()).as(output).matches(SAFE_SRC);
                }
            }
        }
        for (Element meta : parsed.select("meta[http-equiv]")) {
            assertThat(meta.attr("http-equiv")).isEqualToIgnoringCase("Content-Security-Policy");
        }
        assertThat(output).doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("vbscript:");
    }
}
