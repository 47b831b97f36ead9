package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cartage.support.Browser;

/**
 * A run started from the start page and followed live in headless Chromium: the form posts (with its CSRF token),
 * the browser lands on the run's page, and run.js follows the run to its end under the page's strict policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunPageInBrowserTest {

    @LocalServerPort
    int port;

    private ChromeDriver browser;

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
    void aRunStartedFromTheFormIsFollowedLiveToItsEnd() {
        browser.get("http://127.0.0.1:" + port + "/");
        browser.findElement(By.id("pile-count")).clear();
        browser.findElement(By.id("pile-count")).sendKeys("60");
        browser.findElement(By.id("pile-latency")).clear();
        browser.findElement(By.id("pile-latency")).sendKeys("50ms");
        browser.findElement(By.id("stages-fetch-parallelism")).clear();
        browser.findElement(By.id("stages-fetch-parallelism")).sendKeys("4");
        browser.findElement(By.id("start")).click();

        // the live part is swapped whole as the run goes: an element read a moment ago may be gone
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(driver -> driver.getCurrentUrl().matches(".*/runs/r-[0-9a-f-]+$"));
        wait.until(driver -> driver.findElement(By.id("status")).getText().equals("completed"));
        wait.until(driver -> driver.findElements(By.cssSelector("#outcomes li")).size() == RunView.OUTCOME_WINDOW);

        assertThat(browser.findElements(By.id("cancel"))).as("the cancel button goes when the run ends").isEmpty();
        assertThat(browser.findElement(By.id("progress")).getDomAttribute("value")).isEqualTo("60");
        assertThat(browser.findElement(By.id("live-note")).getText()).isEqualTo("The run has ended.");
        assertThat(Browser.console(browser)).as("console").noneMatch(message -> message.contains("Content Security Policy"));
    }
}
