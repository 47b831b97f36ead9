package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import dev.cartage.support.BrowserPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.util.Map;

/** The pages on a phone-sized screen, 375 CSS pixels wide: nothing is wider than the screen. */
class NarrowScreenInBrowserTest extends BrowserPages {

    private String run;

    @BeforeAll
    void narrowWindowAndARun() {
        browser.manage().window().setSize(new Dimension(375, 812));
        run = api.startRun("""
                {"sources": [{"pile": {"count": 8, "failEvery": 3}}]}""");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"home", "run", "item", "reader", "runs"})
    void nothingOverflowsTheWidth(String page) {
        await(driver -> api.ended(run));
        switch (page) {
            case "home" -> show("/", "run-form");
            case "run" -> show("/runs/" + run, "stages-table");
            case "item" -> show("/runs/" + run + "/items/2", "item");
            case "reader" -> show("/read?url=" + ReaderModeInBrowserTest.encoded(base() + "/pile/manuals/3"),
                    "reader-frame");
            default -> show("/runs", "runs");
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> widths = (Map<String, Long>) script(
                "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth}");
        screenshot("narrow-" + page);
        assertThat(widths.get("inner")).as("the window is phone-sized").isLessThanOrEqualTo(400L);
        assertThat(widths.get("scroll")).as("scrollWidth of the %s page at %d px", page, widths.get("inner"))
                .isLessThanOrEqualTo(widths.get("inner"));
    }

    private void show(String path, String id) {
        open(path);
        await(presenceOfElementLocated(By.id(id)));
    }
}
