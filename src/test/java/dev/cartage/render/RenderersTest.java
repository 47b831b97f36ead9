package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import dev.cartage.marshal.meta.Metadata;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenderersTest {

    private static final Renderers RENDERERS = new Renderers();

    private static final Metadata METADATA = Metadata.builder().title("Parsing HTML | The Example Blog")
            .byline("Ada Lovelace").published("2024-03-01").siteName("The Example Blog").language("en")
            .description("How to parse HTML & keep your sanity.").canonicalUrl("https://blog.example.org/parsing")
            .image("https://blog.example.org/cover.png").favicon("https://blog.example.org/icon.png").build();

    private static final Document DOCUMENT = new Document("https://blog.example.org/parsing?utm=x", METADATA, List.of(
            new Block.Heading(1, "Parsing HTML"),
            new Block.Paragraph(List.of(new Inline.Text("Use "), new Inline.Link("jsoup", "https://jsoup.org/"),
                    new Inline.Text(" & be <careful>."))),
            new Block.CodeBlock("java", "Jsoup.parse(html);\n")), null);

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyFormatIsAvailableAndCarriesItsMediaTypeAndTheDocumentsTitle(Format format) {
        Rendered rendered = RENDERERS.render(DOCUMENT, format);

        assertThat(format.available()).isTrue();
        assertThat(rendered.format()).isEqualTo(format);
        assertThat(rendered.mediaType()).isEqualTo(format.mediaType());
        assertThat(rendered.title()).isEqualTo("Parsing HTML | The Example Blog");
        assertThat(rendered.content()).isNotBlank();
    }

    @Test
    void theReaderPageShowsTheHeadlineOnceThenMetadataSourceAndContent() {
        org.jsoup.nodes.Document page = Jsoup.parse(RENDERERS.render(DOCUMENT, Format.HTML).content());

        assertThat(page.title()).isEqualTo("Parsing HTML");
        assertThat(page.select("h1")).hasSize(1).first().extracting(Element::text).isEqualTo("Parsing HTML");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst(".byline").text()).isEqualTo("Ada Lovelace");
        assertThat(page.selectFirst(".site").text()).isEqualTo("The Example Blog");
        assertThat(page.selectFirst("time").attr("datetime")).isEqualTo("2024-03-01");
        assertThat(page.selectFirst(".reading").text()).isEqualTo("1 min read");
        assertThat(page.selectFirst(".source a").attr("href")).isEqualTo("https://blog.example.org/parsing?utm=x");
        assertThat(page.selectFirst(".content p").text()).isEqualTo("Use jsoup & be <careful>.");
        assertThat(page.selectFirst(".content a").attr("rel")).isEqualTo("nofollow noopener noreferrer");
        assertThat(page.selectFirst(".content pre code").attr("class")).isEqualTo("language-java");
    }

    @Test
    void theReaderPageCarriesItsPolicyWhoseHashAllowsExactlyItsOneStyleBlock() throws Exception {
        org.jsoup.nodes.Document page = Jsoup.parse(RENDERERS.render(DOCUMENT, Format.HTML).content());
        String policy = RENDERERS.contentSecurityPolicy();
        String style = page.select("style").first().data();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));

        assertThat(page.select("style")).hasSize(1);
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).isEqualTo(policy);
        assertThat(policy).isEqualTo("default-src 'none'; img-src http: https: data:; style-src 'sha256-" + hash
                + "'; base-uri 'none'; form-action 'none'");
        assertThat(page.select("script, [style], link")).isEmpty();
    }

    @Test
    void aPageWithoutMetadataLeavesThoseLinesOut() {
        Document bare = new Document(null, null, null, null,
                List.of(new Block.Paragraph(List.of(new Inline.Text("Only text.")))));

        org.jsoup.nodes.Document page = Jsoup.parse(RENDERERS.render(bare, Format.HTML).content());

        assertThat(page.select("header h1, .byline, .site, time, .source")).isEmpty();
        assertThat(page.title()).isEqualTo("Untitled");
        assertThat(page.selectFirst(".content").text()).isEqualTo("Only text.");
    }

    @Test
    void theCardShowsThePreviewFieldsAndLinksTheCanonicalUrl() {
        org.jsoup.nodes.Document card = Jsoup.parseBodyFragment(RENDERERS.render(DOCUMENT, Format.CARD).content());

        assertThat(card.selectFirst("a.cartage-card-title").attr("href")).isEqualTo("https://blog.example.org/parsing");
        assertThat(card.selectFirst("a.cartage-card-title").text()).isEqualTo("Parsing HTML | The Example Blog");
        assertThat(card.selectFirst(".cartage-card-description").text()).isEqualTo("How to parse HTML & keep your sanity.");
        assertThat(card.selectFirst(".cartage-card-image").attr("src")).isEqualTo("https://blog.example.org/cover.png");
        assertThat(card.selectFirst(".cartage-card-favicon").attr("src")).isEqualTo("https://blog.example.org/icon.png");
        assertThat(card.selectFirst(".cartage-card-site").text()).isEqualTo("The Example Blog");
        assertThat(card.select("script, style, [style]")).isEmpty();
    }

    @Test
    void withoutACanonicalUrlTheCardLinksTheSourceAndWithoutEitherItLinksNothing() {
        Document noCanonical = new Document("T", "https://x.org/a", null, null, List.of());
        Document inline = new Document("T", "inline:notes.html", null, null, List.of());

        assertThat(Jsoup.parse(RENDERERS.render(noCanonical, Format.CARD).content()).selectFirst("a").attr("href"))
                .isEqualTo("https://x.org/a");
        assertThat(Jsoup.parse(RENDERERS.render(inline, Format.CARD).content()).select("a")).isEmpty();
    }

    /** BlockHound fails this if rendering reads a file or the classpath on a non-blocking worker. */
    @Test
    void renderingOnNonBlockingWorkersDoesNoBlockingIo() {
        Renderers fresh = new Renderers();

        StepVerifier.create(Flux.fromArray(Format.values())
                        .flatMap(format -> Flux.range(0, 4)
                                .map(seed -> fresh.render(GeneratedDocuments.document(seed), format))
                                .subscribeOn(Schedulers.parallel()), Format.values().length, 1))
                .expectNextCount(4L * Format.values().length)
                .verifyComplete();
    }
}
