package dev.cartage.run;

import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;

import dev.cartage.support.Accessibility;
import dev.cartage.support.BrowserPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * axe-core on every browser page, in the states a user meets them: no {@code serious} or {@code critical}
 * violation on any; the lesser ones are printed. Each page is also saved as a screenshot.
 */
class PagesAccessibilityTest extends BrowserPages {

    private String running;
    private String finished;

    @BeforeAll
    void startRuns() {
        running = api.startRun("""
                {"sources": [{"pile": {"count": 5000, "latency": "50ms", "failEvery": 7}}],
                 "stages": {"fetch": {"parallelism": 1}}}""");
        finished = api.startRun("""
                {"sources": [{"pile": {"count": 12, "failEvery": 5}}]}""");
    }

    @AfterAll
    void cancelTheRunningRun() {
        if (running != null) {
            api.delete("/api/runs/" + running);
        }
    }

    @Test
    void home() {
        check("/", "run-form", "home");
    }

    @Test
    void homeWithFieldErrors() {
        open("/");
        browser.findElement(By.cssSelector("input[name='source'][value='pile']")).click();
        byId("stages-fetch-parallelism").clear();
        byId("stages-fetch-parallelism").sendKeys("0");
        script("document.getElementById('run-form').noValidate = true");
        byId("start").click();
        await(presenceOfElementLocated(By.id("stages-fetch-parallelism-error")));
        Accessibility.check(browser, "home with field errors");
    }

    @Test
    void runsList() {
        check("/runs", "runs", "runs-list");
    }

    @Test
    void runPageMidRun() {
        open("/runs/" + running);
        await(driver -> StagesTable.read(byId("stages-table")).counter("deliver", "completed") > 0);
        screenshot("run-page-mid-run");
        Accessibility.check(browser, "run page mid-run");
    }

    @Test
    void runPageFinished() {
        open("/runs/" + finished);
        await(textMatches(By.id("status"), LiveRunPageInBrowserTest.COMPLETED));
        screenshot("run-page-finished");
        Accessibility.check(browser, "run page finished");
    }

    @Test
    void itemPage() {
        awaitEnd(finished);
        check("/runs/" + finished + "/items/1", "item", "item-page");
    }

    @Test
    void failedItemPage() {
        awaitEnd(finished);
        check("/runs/" + finished + "/items/5", "item", "item-page-failed");
    }

    @Test
    void readerPage() {
        check("/read?url=" + ReaderModeInBrowserTest.encoded(base() + "/pile/manuals/3"), "reader-frame", "reader");
    }

    @Test
    void readerForm() {
        check("/read", "read-form", "reader-form");
    }

    @Test
    void readerFailure() {
        check("/read?url=" + ReaderModeInBrowserTest.encoded("http://169.254.169.254/"), "read-problem",
                "reader-failure");
    }

    @Test
    void notFound() {
        check("/runs/r-unknown", "not-found", "not-found");
    }

    private void check(String path, String id, String name) {
        open(path);
        await(presenceOfElementLocated(By.id(id)));
        screenshot(name);
        Accessibility.check(browser, name);
    }

    private void awaitEnd(String id) {
        await(driver -> api.ended(id));
    }
}
