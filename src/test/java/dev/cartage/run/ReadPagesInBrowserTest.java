package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.support.HostileOrigin;
import dev.cartage.support.Browser;
import dev.cartage.support.RunsApi;

/**
 * The reader page and the item page in headless Chromium, with the hostile page of {@link PagesXssTest}: the
 * sandboxed frame is allowed by both policies (the page's {@code frame-src 'self'}, the content's
 * {@code frame-ancestors 'self'}) and shows the content, nothing from the page runs in the frame or around it, and
 * the browser reports no policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cartage.fetch.guard.allow[0]=127.0.0.1:*"})
@AutoConfigureWebTestClient(timeout = "30s")
class ReadPagesInBrowserTest {

    private static HostileOrigin origin;

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeAll
    static void startOrigin() {
        origin = HostileOrigin.serving(PagesXssTest.HOSTILE);
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @BeforeEach
    void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReaderPageFramesTheHostilePageAndNothingRuns() {
        String hostile = origin.url();
        browser.get("http://127.0.0.1:" + port + "/read?url=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));

        assertFramedContentShownAndInert("reader-frame");
    }

    @Test
    void theItemPageFramesTheStoredReaderPageAndNothingRuns() {
        RunStatus run = new RunsApi(http).start(Map.of("format", "html", "sources", List.of(
                Map.of("inline", PagesXssTest.HOSTILE, "type", "text/html", "baseUrl", "https://hostile.example/"))));
        new RunsApi(http).results(run.id());
        browser.get("http://127.0.0.1:" + port + "/runs/" + run.id() + "/items/0");

        assertThat(browser.findElements(By.cssSelector("#timings rect[data-stage]"))).hasSize(4);
        assertFramedContentShownAndInert("content");
    }

    private void assertFramedContentShownAndInert(String frameId) {
        assertThat(browser.executeScript("return window.__pwned")).isNull();
        browser.switchTo().frame(frameId);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                ((String) ((ChromeDriver) driver).executeScript("return document.body ? document.body.innerText : ''"))
                        .contains("Readers keep the words"));
        assertThat(browser.executeScript("return window.__pwned")).as("script from the page ran in the frame").isNull();
        browser.switchTo().defaultContent();
        assertThat(browser.executeScript("return window.__pwned")).isNull();
        assertThat(Browser.console(browser)).as("console").noneMatch(message -> message.contains("Content Security Policy"));
    }
}
