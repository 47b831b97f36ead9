package dev.cartage.marshal.meta;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a page's JSON-LD blocks ({@code <script type="application/ld+json">}) with Jackson, as they are:
 * {@code @graph} and arrays are kept, nothing is expanded or compacted.
 *
 * <p>A block that does not parse is skipped; it never fails the page. A hostile page cannot bloat the document:
 * at most {@value #MAX_BLOCKS} blocks are read, a block over {@value #MAX_BLOCK_CHARS} characters is skipped, reading
 * stops once {@value #MAX_TOTAL_CHARS} characters were kept, and nesting deeper than {@value #MAX_DEPTH} levels
 * fails the block.
 */
final class JsonLd {

    static final int MAX_BLOCKS = 64;
    static final int MAX_BLOCK_CHARS = 256 * 1024;
    static final int MAX_TOTAL_CHARS = 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .build();

    private JsonLd() {
    }

    /** The parsed blocks in document order. */
    static List<JsonNode> read(Document page, ReadDeadline deadline) {
        List<JsonNode> blocks = new ArrayList<>();
        int total = 0;
        for (Element script : page.getElementsByTag("script")) {
            deadline.check();
            if (!isJsonLd(script.attr("type"))) {
                continue;
            }
            String json = strip(script.data());
            if (json.isEmpty() || json.length() > MAX_BLOCK_CHARS) {
                continue;
            }
            if (blocks.size() == MAX_BLOCKS || total + json.length() > MAX_TOTAL_CHARS) {
                break;
            }
            JsonNode node = parse(json);
            if (node != null) {
                blocks.add(node);
                total += json.length();
            }
        }
        return blocks;
    }

    private static boolean isJsonLd(String type) {
        String media = type.split(";", 2)[0].strip();
        return media.equalsIgnoreCase("application/ld+json");
    }

    /** Some pages hide the JSON from old browsers in an HTML comment or CDATA section. */
    private static String strip(String data) {
        String json = data.strip();
        if (json.startsWith("<!--") && json.endsWith("-->")) {
            json = json.substring(4, json.length() - 3).strip();
        }
        if (json.startsWith("//<![CDATA[") && json.endsWith("//]]>")) {
            json = json.substring(11, json.length() - 5).strip();
        }
        return json;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && (node.isObject() || node.isArray()) ? node : null;
        } catch (JacksonException e) {
            return null; // a broken block is the page author's mistake; the rest of the page still counts
        }
    }
}
