package dev.cartage.run;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run page's {@code #stages-table} read as numbers: one row per stage (named by its {@code data-stage}), one column per
 * counter (named by its header), in the API's words with spaces, dashes and case ignored ("In flight" is
 * {@code inflight}, the API's {@code inFlight}). A cell of two numbers, "3 / 16", holds a count of a capacity: under
 * "Busy" the stage's {@code inFlight} of its {@code parallelism}, under "Buffered" its {@code queued} of its
 * {@code buffer}.
 */
record StagesTable(Map<String, Map<String, Long>> rows) {

    private static final Pattern OF_CAPACITY = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");
    private static final Map<String, List<String>> PAIRS = Map.of(
            "busy", List.of("inflight", "parallelism"), "buffered", List.of("queued", "buffer"));

    /** Reads the table from its markup, taken in one piece so that a live update cannot tear it. */
    static StagesTable read(WebElement table) {
        Element parsed = Jsoup.parseBodyFragment(table.getDomProperty("outerHTML")).selectFirst("table");
        List<String> headers = parsed.select("thead th").stream().map(header -> normalised(header.text())).toList();
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (Element row : parsed.select("tbody tr")) {
            Elements cells = row.select("th, td");
            Map<String, Long> counters = new LinkedHashMap<>();
            for (int i = 1; i < cells.size() && i < headers.size(); i++) {
                String cell = cells.get(i).text();
                Matcher ofCapacity = OF_CAPACITY.matcher(cell);
                if (ofCapacity.matches() && PAIRS.containsKey(headers.get(i))) {
                    counters.put(PAIRS.get(headers.get(i)).get(0), Long.valueOf(ofCapacity.group(1)));
                    counters.put(PAIRS.get(headers.get(i)).get(1), Long.valueOf(ofCapacity.group(2)));
                } else if (number(cell) != null) {
                    counters.put(headers.get(i), number(cell));
                }
            }
            rows.put(normalised(row.attr("data-stage")), counters);
        }
        return new StagesTable(rows);
    }

    /** A stage's counter, or null when the table has no such cell. */
    Long counter(String stage, String counter) {
        Map<String, Long> row = rows.get(stage);
        return row == null ? null : row.get(normalised(counter));
    }

    /**
     * The table's numbers that the API's stage snapshots also have, side by side: for each stage and counter shown,
     * the page's number and the API's.
     */
    Map<String, List<Long>> besideApi(JsonNode stages) {
        Map<String, List<Long>> pairs = new LinkedHashMap<>();
        for (JsonNode stage : stages) {
            String name = normalised(stage.get("name").asString());
            Map<String, Long> row = rows.getOrDefault(name, Map.of());
            for (Map.Entry<String, JsonNode> field : stage.properties()) {
                Long shown = row.get(normalised(field.getKey()));
                if (shown != null && field.getValue().isIntegralNumber()) {
                    pairs.put(name + "." + field.getKey(), List.of(shown, field.getValue().asLong()));
                }
            }
        }
        return pairs;
    }

    static String normalised(String words) {
        return words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The whole number a cell shows ("1,234", "1 234"), or null when it shows none. */
    static Long number(String cell) {
        String digits = cell.replaceAll("[\\s,\u00a0\u202f]", "");
        return digits.matches("\\d+") ? Long.valueOf(digits) : null;
    }
}
