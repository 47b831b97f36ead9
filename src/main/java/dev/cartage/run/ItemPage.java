package dev.cartage.run;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import dev.cartage.deliver.Outcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the item page ({@code GET /runs/{id}/items/{seq}}, template {@code runs/item.html}) shows of one outcome:
 * its status and error, a bar per stage, its facts, and its content the way its format is safe to show —
 * Markdown, text and JSON as text (escaped by the template), the reader page and the card in a sandboxed frame
 * that loads them from {@code …/content}, never inline.
 *
 * @param runId   the run's id
 * @param outcome the outcome as the run keeps it
 * @param timings one bar per stage, in pipeline order
 * @param facts   title, source, format, media type and what the content says of itself
 * @param content how the content is shown
 */
record ItemPage(String runId, Outcome outcome, List<StageBars.Bar> timings, List<PageFacts.Fact> facts,
                Content content) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param kind  {@code text} (a {@code <pre>}), {@code frame} (a sandboxed {@code <iframe>}) or {@code none}
     * @param text  the text to show escaped, for {@code text}
     * @param frame the address the frame loads, for {@code frame}
     * @param note  why there is nothing to show, for {@code none}
     */
    record Content(String kind, String text, String frame, String note) {
    }

    static ItemPage of(String runId, String deliver, Outcome outcome) {
        return new ItemPage(runId, outcome, StageBars.of(outcome.timings()), facts(outcome), content(runId, deliver, outcome));
    }

    private static Content content(String runId, String deliver, Outcome outcome) {
        if (!outcome.ok()) {
            return new Content("none", null, null, "The item failed, so it has no content.");
        }
        if (outcome.content() == null) {
            return new Content("none", null, null, "The run delivered its content to its " + deliver
                    + " target and keeps only this record.");
        }
        return switch (outcome.format()) {
            case "html", "card" -> new Content("frame", null,
                    "/runs/" + runId + "/items/" + outcome.seq() + "/content", null);
            case "json" -> new Content("text", pretty(outcome.content()), null, null);
            default -> new Content("text", outcome.content(), null, null);
        };
    }

    /** JSON indented for reading; content that is not JSON (an elided one, say) is shown as it is. */
    private static String pretty(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JacksonException notJson) {
            return json;
        }
    }

    private static List<PageFacts.Fact> facts(Outcome outcome) {
        PageFacts facts = new PageFacts()
                .text("Title", outcome.title())
                .address("Source", outcome.source())
                .text("Format", outcome.format())
                .text("Media type", outcome.mediaType());
        if (outcome.content() != null && outcome.ok()) {
            facts.text("Size", outcome.content().length() + " characters");
            switch (outcome.format()) {
                case "json" -> fromDocument(outcome.content(), facts);
                case "html" -> fromReaderPage(outcome.content(), facts);
                default -> { }
            }
        }
        return facts.list();
    }

    /** The metadata a {@code json} outcome carries (docs/render.md: every field present, null when undeclared). */
    private static void fromDocument(String json, PageFacts facts) {
        JsonNode metadata;
        try {
            metadata = JSON.readTree(json).path("metadata");
        } catch (JacksonException notJson) {
            return;
        }
        facts.text("Byline", metadata.path("byline").asString(null))
                .text("Site", metadata.path("siteName").asString(null))
                .text("Published", metadata.path("published").asString(null))
                .text("Language", metadata.path("language").asString(null))
                .text("Description", metadata.path("description").asString(null))
                .address("Canonical URL", metadata.path("canonicalUrl").asString(null));
    }

    /** The facts the service's own reader template wrote into an {@code html} outcome's header. */
    private static void fromReaderPage(String html, PageFacts facts) {
        Element header = Jsoup.parse(html).selectFirst("article > header");
        if (header == null) {
            return;
        }
        facts.text("Byline", text(header.selectFirst(".byline")))
                .text("Site", text(header.selectFirst(".site")))
                .text("Published", text(header.selectFirst("time")))
                .text("Reading time", text(header.selectFirst(".reading")));
    }

    private static String text(Element element) {
        return element == null ? null : element.text();
    }
}
