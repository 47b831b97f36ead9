package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.support.RunsApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A background run ({@code POST /api/runs}) renders in the format it asks for: every format of docs/api.md reaches the
 * stored outcome with its media type, the document's title and its content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class RunFormatsTest {

    private static final String PAGE = """
            <html lang="en"><head><title>Carts and gophers | The Pike Gazette</title>
            <meta name="description" content="Why concurrency is not parallelism.">
            <meta property="og:site_name" content="The Pike Gazette">
            <meta property="og:image" content="/img/carts.png">
            <link rel="icon" href="/favicon.png"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Carts and gophers</h1>
            <p>Gophers move a pile of <em>books</em> to the incinerator with carts, and more gophers help.</p>
            <p>Concurrency is the composition of independently executing things; see <a href="/talk">the talk</a>.</p>
            </article><footer>© The Pike Gazette</footer></body></html>""";

    @Autowired
    WebTestClient http;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "markdown | text/markdown;charset=UTF-8 | # Carts and gophers",
            "html     | text/html;charset=UTF-8     | <!DOCTYPE html>",
            "text     | text/plain;charset=UTF-8    | Gophers move a pile of books",
            "json     | application/json            | {",
            "card     | text/html;charset=UTF-8     | <article class=\"cartage-card\">"})
    void everyFormatReachesTheStoredOutcome(String format, String mediaType, String start) {
        RunStatus accepted = new RunsApi(http).start(Map.of("format", format, "sources", List.of(Map.of(
                "inline", PAGE, "type", "text/html", "baseUrl", "https://gazette.example.org/2012/carts"))));
        List<Outcome> outcomes = new RunsApi(http).results(accepted.id());

        assertThat(outcomes).hasSize(1);
        Outcome outcome = outcomes.get(0);
        assertThat(outcome.ok()).as("%s", outcome).isTrue();
        assertThat(outcome.format()).isEqualTo(format);
        assertThat(outcome.mediaType()).isEqualTo(mediaType);
        assertThat(outcome.title()).isEqualTo("Carts and gophers | The Pike Gazette");
        assertThat(outcome.content()).startsWith(start).doesNotContain("Home", "©");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json", "card"})
    void theLinkPreviewFieldsAreInTheCardAndInTheJson(String format) {
        RunStatus accepted = new RunsApi(http).start(Map.of("format", format, "sources", List.of(Map.of(
                "inline", PAGE, "type", "text/html", "baseUrl", "https://gazette.example.org/2012/carts"))));
        String content = new RunsApi(http).results(accepted.id()).get(0).content();

        if (format.equals("card")) {
            assertThat(content).contains("The Pike Gazette", "Why concurrency is not parallelism.",
                    "https://gazette.example.org/img/carts.png", "https://gazette.example.org/favicon.png");
        } else {
            JsonNode metadata = JsonMapper.builder().build().readTree(content).get("metadata");
            assertThat(metadata.get("siteName").asString()).isEqualTo("The Pike Gazette");
            assertThat(metadata.get("description").asString()).isEqualTo("Why concurrency is not parallelism.");
            assertThat(metadata.get("image").asString()).isEqualTo("https://gazette.example.org/img/carts.png");
            assertThat(metadata.get("favicon").asString()).isEqualTo("https://gazette.example.org/favicon.png");
        }
    }
}
