package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartage.support.Browser;
import dev.cartage.support.BrowserPages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The run page with JavaScript turned off in the browser: it is a snapshot with the stages' numbers and a refresh
 * link, and refreshing it brings the numbers up to the API's.
 */
class RunPageWithoutJavaScriptTest extends BrowserPages {

    @Override
    protected void options(ChromeOptions options) {
        Browser.withoutJavaScript(options);
    }

    @Test
    void theSnapshotShowsTheNumbersAndARefreshLinkThatCatchesUp() {
        browser.get("data:text/html,<title>before</title><script>document.title='ran'</script>");
        assertThat(browser.getTitle()).as("JavaScript is off in this browser").isEqualTo("before");
        String id = api.startRun("""
                {"sources": [{"pile": {"count": 40, "latency": "20ms"}}], "stages": {"fetch": {"parallelism": 2}}}""");

        open("/runs/" + id);
        StagesTable snapshot = StagesTable.read(byId("stages-table"));
        assertThat(snapshot.counter("fetch", "completed")).as("fetch completed, in the snapshot").isNotNull();
        assertThat(text("status")).isNotBlank();
        assertThat(byId("refresh").getDomAttribute("href")).as("#refresh").endsWith("/runs/" + id);
        screenshot("run-page-without-javascript");

        // without JavaScript only the refresh link brings the page up to date
        await(driver -> {
            byId("refresh").click();
            return LiveRunPageInBrowserTest.COMPLETED.matcher(text("status")).matches();
        });
        assertThat(text("status")).matches(LiveRunPageInBrowserTest.COMPLETED);
        JsonNode run = api.run(id);
        Map<String, List<Long>> pairs = StagesTable.read(byId("stages-table")).besideApi(run.get("stages"));
        assertThat(pairs).as("counters shown").containsKeys("deliver.completed", "fetch.completed", "fetch.inFlight");
        pairs.forEach((counter, pageAndApi) -> assertThat(pageAndApi.get(0)).as(counter).isEqualTo(pageAndApi.get(1)));
    }
}
