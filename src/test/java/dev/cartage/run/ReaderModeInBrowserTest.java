package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import dev.cartage.support.BrowserPages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Reader mode and the not-found page in a browser: a pile page read through the form shows its article in the reader
 * frame with its metadata beside it, a URL the guard blocks gets a friendly explanation, and an unknown path the
 * 404 page with a way home.
 */
class ReaderModeInBrowserTest extends BrowserPages {

    @Test
    void aPilePageReadThroughTheFormShowsItsArticleInTheFrame() {
        String page = base() + "/pile/manuals/3";
        String title = api.json("/api/render?format=json&url=" + encoded(page)).get("metadata").get("title").asString();
        open("/read");
        WebElement url = byId("url");
        url.clear();
        url.sendKeys(page);

        byId("read").click();

        await(presenceOfElementLocated(By.id("reader-frame")));
        assertThat(browser.getCurrentUrl()).contains("/read?").contains("url=");
        assertThat(text("reader-metadata")).as("#reader-metadata").contains(title);
        await(frameToBeAvailableAndSwitchToIt("reader-frame"));
        try {
            String article = await(driver -> {
                String text = driver.findElement(By.tagName("body")).getText();
                return text.isBlank() ? null : text;
            });
            assertThat(article).as("the frame's text").contains(title);
            assertThat(browser.findElements(By.cssSelector("p")).size()).as("paragraphs in the frame")
                    .isGreaterThan(2);
        } finally {
            browser.switchTo().defaultContent();
        }
        screenshot("reader");
    }

    @Test
    void aBlockedAddressGetsAFriendlyExplanation() {
        open("/read?url=" + encoded("http://169.254.169.254/"));

        WebElement problem = await(presenceOfElementLocated(By.id("read-problem")));
        String text = problem.getText();
        System.out.println("#read-problem for a blocked address (status " + navigationStatus() + "): " + text);
        assertThat(text).as("#read-problem").isNotBlank().containsIgnoringCase("169.254.169.254")
                .doesNotContain("Exception", "dev.cartage", "reactor.", "null");
        assertThat(browser.findElements(By.id("reader-frame"))).as("no reader frame for a failure").isEmpty();
        assertThat(byId("url").getDomProperty("value")).as("the URL is kept in the form to correct it")
                .isEqualTo("http://169.254.169.254/");
        screenshot("reader-failure");
    }

    @Test
    void anUnknownRunShowsTheNotFoundPageWithAWayHome() {
        open("/runs/r-unknown");

        assertThat(navigationStatus()).isEqualTo(404L);
        assertThat(text("not-found")).isNotBlank();
        screenshot("not-found");
        byId("home").click();
        await(presenceOfElementLocated(By.id("run-form")));
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/");
    }

    @Test
    void anUnknownPathUnderThePagesShowsTheNotFoundPageThatLeadsHome() {
        open("/runs/no/such/page");

        assertThat(navigationStatus()).isEqualTo(404L);
        assertThat(text("not-found")).isNotBlank();
        byId("home").click();
        await(presenceOfElementLocated(By.id("run-form")));
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/");
    }

    private Long navigationStatus() {
        return (Long) script("return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    static String encoded(String url) {
        return URLEncoder.encode(url, StandardCharsets.UTF_8);
    }
}
