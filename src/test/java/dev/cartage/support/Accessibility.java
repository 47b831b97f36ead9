package dev.cartage.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * axe-core (the copy bundled with {@code com.deque.html.axe-core:selenium}) run on the page the browser shows and on
 * the documents of its frames. A page passes when axe finds no {@code serious} or {@code critical} violation; every
 * violation is printed with the elements it concerns, so the lesser ones can be read in the test log.
 *
 * <p>axe cannot run in a document sandboxed without scripts, by its frame or by its own policy (it waits until the
 * script timeout and then leaves the frame out), so each frame's document is checked on its own: the browser reads
 * it at the frame's address and shows the same markup again as a {@code data:} page, whose {@code <base>} keeps its
 * relative addresses pointing where they did, and then the page again.
 */
public final class Accessibility {

    private static final List<String> BLOCKING = List.of("serious", "critical");

    private Accessibility() {
    }

    /**
     * Checks the current page and its frames, prints the violations, asserts that none is serious or critical and
     * returns them counted by impact ({@code minor}, {@code moderate}, {@code serious}, {@code critical}).
     */
    public static Map<String, Long> check(WebDriver browser, String page) {
        String address = browser.getCurrentUrl();
        List<String> frames = browser.findElements(By.cssSelector("iframe[src]")).stream()
                .map(frame -> frame.getDomProperty("src")).filter(src -> src.startsWith("http")).toList();
        List<String> blocking = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>(Map.of("minor", 0L, "moderate", 0L, "serious", 0L, "critical", 0L));
        checkDocument(browser, page, counts, blocking);
        for (int i = 0; i < frames.size(); i++) {
            browser.get(frames.get(i));
            String markup = ((JavascriptExecutor) browser).executeScript("return document.documentElement.outerHTML")
                    .toString().replaceFirst("(?i)<head>", "<head><base href=\"" + frames.get(i) + "\">");
            browser.get("data:text/html;charset=utf-8;base64,"
                    + Base64.getEncoder().encodeToString(markup.getBytes(StandardCharsets.UTF_8)));
            checkDocument(browser, page + ", document of frame " + i, counts, blocking);
        }
        if (!frames.isEmpty()) {
            browser.get(address);
        }
        System.out.printf("axe %s: %s%n", page, counts);
        assertThat(blocking).as("serious or critical axe violations on %s", page).isEmpty();
        return counts;
    }

    private static void checkDocument(WebDriver browser, String document, Map<String, Long> counts,
                                      List<String> blocking) {
        Results results = new AxeBuilder().disableIframeTesting().analyze(browser);
        assertThat(results.isErrored()).as("axe failed on %s: %s", document, results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("axe checked nothing on %s", document).isNotEmpty();
        for (Rule rule : results.getViolations()) {
            String described = document + ": " + describe(rule);
            System.out.println("  axe " + described);
            counts.merge(String.valueOf(rule.getImpact()), 1L, Long::sum);
            if (BLOCKING.contains(rule.getImpact())) {
                blocking.add(described);
            }
        }
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream()
                .map(node -> node.getTarget() + summary(node))
                .collect(Collectors.joining("; "));
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): " + nodes;
    }

    private static String summary(CheckedNode node) {
        String summary = node.getFailureSummary();
        return summary == null ? "" : " — " + summary.replaceAll("\\s+", " ").trim();
    }
}
