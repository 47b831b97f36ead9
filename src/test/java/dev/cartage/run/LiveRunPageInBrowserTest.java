package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import dev.cartage.support.BrowserPages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The live run page as a browser sees it: a pile run started from the home form whose counters move while it runs
 * and end on the API's numbers, a run cancelled with the page's button, and an item opened from the outcomes list.
 */
class LiveRunPageInBrowserTest extends BrowserPages {

    static final Pattern RUNNING = Pattern.compile("(?i).*\\brunning\\b.*");
    static final Pattern COMPLETED = Pattern.compile("(?i).*\\b(completed|done|succeeded)\\b.*");
    static final Pattern CANCELLED = Pattern.compile("(?i).*\\bcancell?ed\\b.*");
    private static final List<String> STAGES = List.of("fetch", "marshal", "render", "deliver");

    @Test
    void aPileRunFromTheFormCountsUpLiveAndEndsOnTheApisNumbers() {
        open("/");
        browser.findElement(By.cssSelector("input[name='source'][value='pile']")).click();
        fill("pile-count", "120");
        fill("pile-latency", "20ms");
        // two fetches at a time of 20 ms and more each: a few seconds, long enough to watch
        fill("stages-fetch-parallelism", "2");
        byId("start").click();
        await(urlMatches("/runs/r-[^/?#]+$"));
        String id = browser.getCurrentUrl().replaceFirst(".*/runs/", "");

        List<Long> whileRunning = new ArrayList<>();
        while (running() && whileRunning.size() < 600) {
            Long delivered = delivered();
            if (delivered != null && running()) {
                whileRunning.add(delivered);
            }
            if (whileRunning.size() == 5) {
                screenshot("run-page-live");
            }
            // the next sample is taken once the page shows something new
            await(driver -> !running() || !Objects.equals(delivered(), delivered));
        }
        await(textMatches(By.id("status"), COMPLETED));
        System.out.println("deliver's completed count as the run page showed it while running: " + whileRunning);

        assertThat(whileRunning).as("deliver's completed count, read from the page while the run went on")
                .isSortedAccordingTo(Long::compare)
                .allMatch(delivered -> delivered < 120);
        assertThat(whileRunning.stream().distinct().filter(delivered -> delivered > 0).count())
                .as("distinct counts seen while running: %s", whileRunning).isGreaterThanOrEqualTo(2);

        StagesTable shown = fresh(() -> StagesTable.read(byId("stages-table")));
        JsonNode run = api.run(id);
        assertThat(run.get("status").asString()).isEqualTo("completed");
        Map<String, List<Long>> pairs = shown.besideApi(run.get("stages"));
        assertThat(pairs.keySet()).as("the table shows each stage's counters")
                .contains(STAGES.stream().flatMap(stage -> List.of(stage + ".completed", stage + ".failed",
                        stage + ".dropped", stage + ".inFlight", stage + ".parallelism", stage + ".queued",
                        stage + ".buffer").stream()).toArray(String[]::new));
        pairs.forEach((counter, pageAndApi) -> assertThat(pageAndApi.get(0)).as(counter).isEqualTo(pageAndApi.get(1)));
        assertThat(shown.counter("deliver", "completed")).isEqualTo(120L);
        assertThat(byId("progress").getDomProperty("value")).as("#progress value").isEqualTo("120");
        assertThat(byId("progress").getDomProperty("max")).as("#progress max").isEqualTo("120");
        screenshot("run-page-finished");
    }

    @Test
    void theCancelButtonCancelsTheRunAndTheApiAgrees() {
        String id = api.startRun("""
                {"sources": [{"pile": {"count": 5000, "latency": "50ms"}}], "stages": {"fetch": {"parallelism": 1}}}""");
        open("/runs/" + id);
        await(driver -> StagesTable.read(byId("stages-table")).counter("fetch", "completed") > 0);

        await(elementToBeClickable(By.id("cancel"))).click();

        await(textMatches(By.id("status"), CANCELLED));
        assertThat(api.run(id).get("status").asString()).isEqualTo("cancelled");
        screenshot("run-page-cancelled");
    }

    @Test
    void anItemOpensFromTheOutcomesListWithItsStatusTimingsAndContent() {
        String id = api.startRun("""
                {"sources": [{"pile": {"count": 6}}], "format": "markdown"}""");
        open("/runs/" + id);
        await(textMatches(By.id("status"), COMPLETED));
        WebElement third = await(presenceOfElementLocated(By.cssSelector("#outcomes [data-seq='2']")));

        third.findElement(By.tagName("a")).click();

        await(urlMatches("/runs/" + id + "/items/2$"));
        assertThat(text("item-status")).containsIgnoringCase("ok");
        List<String> bars = browser.findElements(By.cssSelector("#timings [data-stage]")).stream()
                .map(bar -> bar.getDomAttribute("data-stage")).toList();
        assertThat(bars).containsExactlyInAnyOrderElementsOf(STAGES);
        assertThat(text("content")).as("#content").isNotBlank();
        assertThat(text("metadata")).as("#metadata").isNotBlank();
        assertThat(browser.findElements(By.id("item-error"))).as("#item-error of an item that succeeded")
                .allMatch(error -> error.getText().isBlank());
        screenshot("item-page");
    }

    @Test
    void aRunOfTwentyThousandItemsKeepsItsPageSmallWindowedAndLive() {
        String id = api.startRun("""
                {"sources": [{"pile": {"count": 20000}}]}""");
        open("/runs/" + id);
        await(driver -> delivered() > 100);
        long before = delivered();
        script("""
                window.__longTasks = [];
                new PerformanceObserver(list => list.getEntries().forEach(t => window.__longTasks.push(t.duration)))
                    .observe({type: 'longtask', buffered: true});""");
        // the page must keep following the run: 200 more outcomes, or the end of the run, while long tasks are noted
        await(driver -> delivered() > before + 200 || COMPLETED.matcher(text("status")).matches());
        long after = delivered();
        System.out.printf("20,000-item run: deliver completed %d, then %d; long tasks meanwhile (ms): %s%n",
                before, after, script("return window.__longTasks"));
        // on a fast machine the run may have ended meanwhile: then the page shows all of it
        assertThat(after).as("the page keeps following the run")
                .isGreaterThan(before)
                .satisfiesAnyOf(done -> assertThat(done).isLessThan(20_000),
                        done -> assertThat(text("status")).containsIgnoringCase("completed"));
        assertThat(browser.findElements(By.cssSelector("#outcomes [data-seq]"))).as("the outcomes list is windowed")
                .hasSizeBetween(1, 50);
        screenshot("run-page-twenty-thousand");
        assertThatThePageWeighsAtMostOneHundredKilobytes();
        // ends the large run so that it does not load the tests after this one; 409 if it had already ended
        assertThat(api.delete("/api/runs/" + id).statusCode()).isIn(202, 409);
    }

    @SuppressWarnings("unchecked")
    private void assertThatThePageWeighsAtMostOneHundredKilobytes() {

        // the page's HTML and the stylesheets and scripts it loads, decoded; the event stream is not page weight
        Map<String, Object> weight = (Map<String, Object>) script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const parts = performance.getEntriesByType('resource')
                    .filter(r => /[.](css|js)$/.test(new URL(r.name).pathname))
                    .map(r => ({name: new URL(r.name).pathname, decoded: r.decodedBodySize, transfer: r.transferSize}));
                const fcp = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
                return {html: nav.decodedBodySize, htmlTransfer: nav.transferSize, parts: parts,
                        total: nav.decodedBodySize + parts.reduce((sum, p) => sum + p.decoded, 0),
                        fcp: fcp ? fcp.startTime : -1};""");
        List<Map<String, Object>> parts = (List<Map<String, Object>>) weight.get("parts");
        System.out.printf("run page weight: %s bytes (HTML %s, transferred %s; %s); first contentful paint %s ms%n",
                weight.get("total"), weight.get("html"), weight.get("htmlTransfer"), parts, weight.get("fcp"));
        assertThat(((Number) weight.get("html")).longValue()).as("the HTML's size").isPositive();
        assertThat(parts).extracting(part -> String.valueOf(part.get("name"))).as("stylesheets and scripts")
                .contains("/pages/run.js").anyMatch(name -> name.endsWith(".css"));
        assertThat(((Number) weight.get("total")).longValue()).as("HTML + CSS + JS of the run page, in bytes")
                .isLessThanOrEqualTo(100 * 1024);
    }

    /** The deliver stage's completed count as the page shows it now. */
    private Long delivered() {
        return fresh(() -> StagesTable.read(byId("stages-table"))).counter("deliver", "completed");
    }

    private boolean running() {
        return RUNNING.matcher(fresh(() -> text("status"))).matches();
    }

    private void fill(String id, String value) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(value);
    }
}
