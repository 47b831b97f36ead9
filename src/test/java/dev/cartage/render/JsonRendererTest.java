package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import dev.cartage.marshal.meta.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRendererTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonRenderer renderer = new JsonRenderer();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.cartage.render.GeneratedDocuments#seeds")
    void everyRenderedDocumentConformsToThePublishedSchema(long seed) throws IOException {
        JsonNode rendered = JSON.readTree(renderer.render(GeneratedDocuments.document(seed)).content());

        assertThat(schema().violations(rendered)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesWhatBreaksTheSchema() throws IOException {
        JsonNode valid = JSON.readTree(renderer.render(GeneratedDocuments.document(1)).content());
        String text = valid.toString();

        assertThat(schema().violations(JSON.readTree(text.replaceFirst("\"type\":\"heading\"", "\"type\":\"banner\""))))
                .isNotEmpty();
        assertThat(schema().violations(JSON.readTree(text.replaceFirst("\"wordCount\":\\d+", "\"wordCount\":-1"))))
                .isNotEmpty();
        assertThat(schema().violations(JSON.readTree(text.replaceFirst("\"byline\":", "\"author\":"))))
                .isNotEmpty();
    }

    @Test
    void blocksAreTaggedObjectsAndMetadataIsComplete() throws IOException {
        Metadata metadata = Metadata.builder().title("T").byline("Ada").siteName("Site").image("https://x.org/i.png")
                .openGraph(Map.of("og:type", "article")).build();
        Block.ListBlock nested = new Block.ListBlock(false,
                List.of(new Block.ListItem(List.of(new Inline.Code("x")), List.of())));
        Document document = new Document("https://x.org/a", metadata, List.of(
                new Block.Heading(2, "Setup"),
                new Block.Paragraph(List.of(new Inline.Text("Read "), new Inline.Link("this", "https://x.org/b"),
                        new Inline.Text(" "), new Inline.Emphasis("now"))),
                new Block.ListBlock(true, List.of(new Block.ListItem(List.of(new Inline.Text("one")), List.of(nested)))),
                new Block.CodeBlock("", "a\n"),
                new Block.Quote(List.of(new Block.Heading(3, "Q"))),
                new Block.Table(List.of("h"), List.of(List.of("c"))),
                new Block.Image("https://x.org/i.png", "alt", "cap")), null);

        JsonNode json = JSON.readTree(renderer.render(document).content());

        assertThat(json.get("sourceUrl").asString()).isEqualTo("https://x.org/a");
        assertThat(json.get("metadata").get("byline").asString()).isEqualTo("Ada");
        assertThat(json.get("metadata").get("published").isNull()).isTrue();
        assertThat(json.get("metadata").get("openGraph").get("og:type").asString()).isEqualTo("article");
        assertThat(json.get("wordCount").asInt()).isEqualTo(document.wordCount());
        assertThat(json.get("data").isNull()).isTrue();
        assertThat(json.get("blocks").toString()).isEqualTo("["
                + "{\"type\":\"heading\",\"level\":2,\"text\":\"Setup\"},"
                + "{\"type\":\"paragraph\",\"inlines\":[{\"type\":\"text\",\"text\":\"Read \"},"
                + "{\"type\":\"link\",\"text\":\"this\",\"href\":\"https://x.org/b\"},{\"type\":\"text\",\"text\":\" \"},"
                + "{\"type\":\"emphasis\",\"text\":\"now\"}]},"
                + "{\"type\":\"list\",\"ordered\":true,\"items\":[{\"inlines\":[{\"type\":\"text\",\"text\":\"one\"}],"
                + "\"children\":[{\"type\":\"list\",\"ordered\":false,\"items\":[{\"inlines\":[{\"type\":\"code\","
                + "\"text\":\"x\"}],\"children\":[]}]}]}]},"
                + "{\"type\":\"code\",\"language\":null,\"code\":\"a\\n\"},"
                + "{\"type\":\"quote\",\"blocks\":[{\"type\":\"heading\",\"level\":3,\"text\":\"Q\"}]},"
                + "{\"type\":\"table\",\"header\":[\"h\"],\"rows\":[[\"c\"]]},"
                + "{\"type\":\"image\",\"src\":\"https://x.org/i.png\",\"alt\":\"alt\",\"caption\":\"cap\"}]");
    }

    @Test
    void jsonInputIsKeptAsData() throws IOException {
        JsonNode data = JSON.readTree("{\"a\":[1,2,{\"b\":null}]}");
        Document document = new Document("https://x.org/d.json", Metadata.NONE,
                List.of(new Block.CodeBlock("json", data.toString())), data);

        JsonNode json = JSON.readTree(renderer.render(document).content());

        assertThat(json.get("data")).isEqualTo(data);
        assertThat(schema().violations(json)).isEmpty();
    }

    static SchemaCheck schema() throws IOException {
        try (InputStream in = JsonRendererTest.class.getResourceAsStream("/static/schemas/document.schema.json")) {
            return new SchemaCheck(JSON.readTree(in));
        }
    }
}
