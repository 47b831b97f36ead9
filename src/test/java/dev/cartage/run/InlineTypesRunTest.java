package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.support.RunsApi;

/** Every inline type docs/api.md lists goes through {@code POST /api/runs} to a Markdown outcome, its type intact. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class InlineTypesRunTest {

    @Autowired
    WebTestClient http;

    @Test
    void htmlInlineBecomesMarkdownWithAbsoluteLinks() {
        Outcome outcome = runOne("<html><head><meta charset=iso-8859-1><title>Caf\u00e9 notes</title></head>"
                + "<body><article><h1>Caf\u00e9 notes</h1><p>See <a href=more.html>more</a>.</p></article></body></html>",
                "text/html");

        assertThat(outcome.title()).isEqualTo("Caf\u00e9 notes");
        assertThat(outcome.content()).startsWith("# Caf\u00e9 notes\n")
                .contains("See [more](https://docs.example.org/guide/more.html).");
    }

    @Test
    void markdownInlineIsReadAsMarkdown() {
        Outcome outcome = runOne("# Guide\n\n- one\n  - nested\n\n```java\nclass A {}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                + "[rel](next.md) <script>alert(1)</script>\n", "text/markdown");

        assertThat(outcome.title()).isEqualTo("Guide");
        assertThat(outcome.content()).startsWith("# Guide\n")
                .contains("- one\n  - nested")
                .contains("```java\nclass A {}\n```")
                .contains("| a | b |")
                .contains("[rel](https://docs.example.org/guide/next.md)")
                .contains("\\<script>alert(1)\\</script>"); // raw HTML comes out as escaped literal text
    }

    @Test
    void plainTextInlineBecomesParagraphs() {
        Outcome outcome = runOne("Release notes\n\nFirst *paragraph*,\nwrapped.\n\nSecond paragraph.\n", "text/plain");

        assertThat(outcome.title()).isEqualTo("Release notes");
        assertThat(outcome.content()).isEqualTo("# Release notes\n\nFirst \\*paragraph\\*, wrapped.\n\nSecond paragraph.\n");
    }

    @Test
    void jsonInlineIsShownAsAJsonCodeBlock() {
        Outcome outcome = runOne("{\"name\": \"Inventory\", \"items\": [1, 2]}", "application/json");

        assertThat(outcome.title()).isEqualTo("Inventory");
        assertThat(outcome.content()).startsWith("# Inventory\n\n```json\n{\n").contains("\"items\"").endsWith("```\n");
    }

    @Test
    void invalidJsonInlineFailsAsParseInTheMarshalStage() {
        Outcome outcome = runOne("{\"name\": ", "application/json");

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.error().stage()).isEqualTo("marshal");
        assertThat(outcome.error().type()).isEqualTo("parse");
        assertThat(outcome.error().message()).contains("line 1");
    }

    private Outcome runOne(String content, String type) {
        RunStatus accepted = new RunsApi(http).start(Map.of("sources", List.of(Map.of(
                "inline", content, "type", type, "baseUrl", "https://docs.example.org/guide/intro"))));
        List<Outcome> outcomes = new RunsApi(http).results(accepted.id());
        assertThat(outcomes).hasSize(1);
        Outcome outcome = outcomes.get(0);
        if (outcome.error() == null) {
            assertThat(outcome.ok()).as("%s", outcome).isTrue();
            assertThat(outcome.mediaType()).isEqualTo("text/markdown;charset=UTF-8");
        }
        return outcome;
    }
}
