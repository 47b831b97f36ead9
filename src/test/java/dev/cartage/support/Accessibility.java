package dev.cartage.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * axe-core (the copy bundled with {@code com.deque.html.axe-core:selenium}) run on the page the browser shows, frames
 * included. A page passes when axe finds no {@code serious} or {@code critical} violation; the lesser ones are printed
 * with the elements they concern, so they can be read in the test log without failing the build.
 */
public final class Accessibility {

    private static final List<String> BLOCKING = List.of("serious", "critical");

    private Accessibility() {
    }

    /**
     * Checks the current page and returns its violations counted by impact ({@code minor}, {@code moderate},
     * {@code serious}, {@code critical}), after printing them all.
     */
    public static Map<String, Long> check(WebDriver browser, String page) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.isErrored()).as("axe failed on %s: %s", page, results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("axe checked nothing on %s", page).isNotEmpty();
        List<Rule> violations = results.getViolations();
        Map<String, Long> counts = new TreeMap<>(Map.of("minor", 0L, "moderate", 0L, "serious", 0L, "critical", 0L));
        violations.forEach(rule -> counts.merge(String.valueOf(rule.getImpact()), 1L, Long::sum));
        System.out.printf("axe %s: %s%n", page, counts);
        violations.forEach(rule -> System.out.println(describe(rule)));
        assertThat(violations).as("serious or critical axe violations on %s", page)
                .filteredOn(rule -> BLOCKING.contains(rule.getImpact()))
                .extracting(Accessibility::describe)
                .isEmpty();
        return counts;
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " [" + nodes + "]";
    }
}
