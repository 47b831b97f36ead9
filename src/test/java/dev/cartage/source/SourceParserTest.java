package dev.cartage.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cartage.fetch.mirror.Balance;
import dev.cartage.pile.PileOrigin;
import dev.cartage.pile.PileSourceForm;
import dev.cartage.pile.PileProperties;
import dev.cartage.web.FieldError;
import dev.cartage.web.Fields;
import tools.jackson.databind.ObjectMapper;

/** Source entries in every form: what each becomes, and every refusal named by the field at fault. */
class SourceParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourceLimits LIMITS = new SourceLimits(500, 64, 3, 3, Duration.ofSeconds(30));

    private final SourceParser parser = new SourceParser(List.of(new PileSourceForm(
            new PileOrigin(new PileProperties(URI.create("http://pile.test"), 1000, Duration.ofSeconds(60))))), LIMITS);

    @Test
    void sitemapAndFeedEntriesCarryTheirUrlAndLimitWhichDefaultsToTheMaximum() {
        assertThat(parse("{\"sitemap\": \"https://a.org/s.xml\", \"limit\": 20}"))
                .isEqualTo(new SourceSpec.Sitemap(URI.create("https://a.org/s.xml"), 20));
        assertThat(parse("{\"sitemap\": \"https://a.org/s.xml\"}"))
                .isEqualTo(new SourceSpec.Sitemap(URI.create("https://a.org/s.xml"), 500));
        assertThat(parse("{\"feed\": \" https://a.org/f.xml \", \"limit\": 500}"))
                .isEqualTo(new SourceSpec.Feed(URI.create("https://a.org/f.xml"), 500));
    }

    @Test
    void anInlineEntryKeepsItsContentTypeNameAndBaseUrl() {
        SourceSpec.Inline inline = (SourceSpec.Inline) parse(
                "{\"inline\": \"<p>é</p>\", \"type\": \"text/html\", \"name\": \"a.html\", \"baseUrl\": \"https://a.org/docs/\"}");

        assertThat(new String(inline.content(), StandardCharsets.UTF_8)).isEqualTo("<p>é</p>");
        assertThat(inline.type()).isEqualTo("text/html");
        assertThat(inline.name()).isEqualTo("a.html");
        assertThat(inline.baseUrl()).isEqualTo(URI.create("https://a.org/docs/"));
        assertThat(((SourceSpec.Inline) parse("{\"inline\": \"<p/>\", \"type\": \"text/html\"}")).name()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text/html", "text/markdown", "text/plain", "application/json", " Text/Markdown "})
    void everyInlineTypeTheApiListsIsOffered(String type) {
        SourceSpec.Inline inline = (SourceSpec.Inline) parse("{\"inline\": \"x\", \"type\": \"" + type + "\"}");

        assertThat(inline.type()).isEqualTo(type.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void aMirrorObjectListsTheUrlFirstAndDefaultsToFirstResponse() {
        assertThat(parse("{\"url\": \"https://a.org/x\", \"mirrors\": [\"https://b.org/x\", \"https://c.org/x\"]}"))
                .isEqualTo(new SourceSpec.Mirrored(List.of(URI.create("https://a.org/x"), URI.create("https://b.org/x"),
                        URI.create("https://c.org/x")), Balance.FIRST_RESPONSE, null));
        assertThat(parse("{\"url\": \"https://a.org/x\", \"mirrors\": [\"https://b.org/x\"], \"hedgeAfter\": \"200ms\"}"))
                .isEqualTo(new SourceSpec.Mirrored(List.of(URI.create("https://a.org/x"), URI.create("https://b.org/x")),
                        Balance.FIRST_RESPONSE, Duration.ofMillis(200)));
        assertThat(parse("{\"url\": \"https://a.org/x\", \"mirrors\": [\"https://b.org/x\"], \"balance\": \"least-loaded\"}"))
                .isEqualTo(new SourceSpec.Mirrored(List.of(URI.create("https://a.org/x"), URI.create("https://b.org/x")),
                        Balance.LEAST_LOADED, null));
    }

    @Test
    void aUrlObjectWithoutMirrorsIsJustAUrl() {
        assertThat(parse("{\"url\": \"https://a.org/x\"}")).isEqualTo(new SourceSpec.Url(URI.create("https://a.org/x")));
        assertThat(parse("{\"url\": \"https://a.org/x\", \"mirrors\": []}")).isEqualTo(new SourceSpec.Url(URI.create("https://a.org/x")));
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                bad("{\"sitemap\": \"ftp://a.org/s.xml\"}", "s.sitemap"),
                bad("{\"sitemap\": 42}", "s.sitemap"),
                bad("{\"sitemap\": \"https://a.org/s.xml\", \"limit\": 0}", "s.limit"),
                bad("{\"sitemap\": \"https://a.org/s.xml\", \"limit\": 501}", "s.limit"),
                bad("{\"feed\": \"https://a.org/f.xml\", \"limit\": \"ten\"}", "s.limit"),
                bad("{\"sitemap\": \"https://a.org/s.xml\", \"depth\": 2}", "s.depth"),
                bad("{\"feed\": \"/relative.xml\"}", "s.feed"),
                bad("{\"sitemap\": \"https://a.org/s.xml\", \"feed\": \"https://a.org/f.xml\"}", "s"),
                bad("{\"inline\": \"" + "x".repeat(65) + "\", \"type\": \"text/html\"}", "s.inline"),
                bad("{\"inline\": \"" + "é".repeat(33) + "\", \"type\": \"text/html\"}", "s.inline"),
                bad("{\"inline\": {\"html\": 1}, \"type\": \"text/html\"}", "s.inline"),
                bad("{\"inline\": \"<p/>\"}", "s.type"),
                bad("{\"inline\": \"<p/>\", \"type\": \"application/pdf\"}", "s.type"),
                bad("{\"inline\": \"# hi\", \"type\": \"text/x-markdown\"}", "s.type"),
                bad("{\"inline\": \"<p/>\", \"type\": \"text/html\", \"baseUrl\": \"/docs/\"}", "s.baseUrl"),
                bad("{\"inline\": \"<p/>\", \"type\": \"text/html\", \"baseUrl\": \"file:///etc/\"}", "s.baseUrl"),
                bad("{\"inline\": \"<p/>\", \"type\": \"text/html\", \"name\": 7}", "s.name"),
                bad("{\"inline\": \"<p/>\", \"type\": \"text/html\", \"title\": \"x\"}", "s.title"),
                bad("{\"url\": \"notaurl\", \"mirrors\": [\"https://b.org\"]}", "s.url"),
                bad("{\"url\": 3}", "s.url"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": \"https://b.org\"}", "s.mirrors"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\", \"gopher://c.org\"]}", "s.mirrors[1]"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\", null]}", "s.mirrors[1]"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://a.org\"]}", "s.mirrors[0]"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\", \"https://c.org\", \"https://d.org\", \"https://e.org\"]}", "s.mirrors"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\"], \"balance\": \"random\"}", "s.balance"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\"], \"balance\": \"round-robin\", \"hedgeAfter\": \"1s\"}", "s.hedgeAfter"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\"], \"hedgeAfter\": \"soon\"}", "s.hedgeAfter"),
                bad("{\"url\": \"https://a.org\", \"mirrors\": [\"https://b.org\"], \"hedgeAfter\": \"-1s\"}", "s.hedgeAfter"),
                bad("{\"url\": \"https://a.org\", \"mirror\": [\"https://b.org\"]}", "s.mirror"),
                bad("{\"pile\": {\"count\": 3}, \"extra\": true}", "s.extra"),
                bad("{\"pile\": {\"count\": 3, \"colour\": \"red\"}}", "s.pile.colour"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("badEntries")
    void badEntriesAreRefusedNamingTheField(String entry, String field) {
        Fields source = Fields.named("s", JSON.readTree(entry));

        SourceSpec spec = parser.parseOne(source);

        assertThat(spec).isNull();
        assertThat(source.errors()).extracting(FieldError::field).contains(field);
        assertThat(source.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void everyProblemOfAMirrorObjectIsReportedAtOnce() {
        Fields source = Fields.named("sources[4]",
                JSON.readTree("{\"url\": \"x\", \"mirrors\": [\"y\", \"https://ok.org\", 1], \"balance\": \"?\", \"speed\": 1}"));

        parser.parseOne(source);

        assertThat(source.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("sources[4].speed", "sources[4].url",
                "sources[4].mirrors[0]", "sources[4].mirrors[2]", "sources[4].balance");
    }

    private SourceSpec parse(String entry) {
        Fields source = Fields.named("s", JSON.readTree(entry));
        SourceSpec spec = parser.parseOne(source);
        assertThat(source.errors()).isEmpty();
        return spec;
    }

    private static Arguments bad(String entry, String field) {
        return Arguments.of(entry, field);
    }
}
