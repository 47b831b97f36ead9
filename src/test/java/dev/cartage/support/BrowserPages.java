package dev.cartage.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The service on a random port and one headless Chromium for the test class, for tests of the browser pages. Every
 * subclass has the same Spring configuration as {@code run/ReaderPageInBrowserTest}, so all browser tests share one
 * cached context: the guard lets the service fetch local test origins on 127.0.0.1 (the pile is its own trusted
 * origin), and nothing else. Without Chromium the tests are skipped on a developer machine and fail in CI
 * ({@link Browser#assumeInstalled()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cartage.fetch.guard.allow[0]=127.0.0.1:*"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserPages {

    /** Long enough for a page to load and a small run to end on a slow CI machine; not a timing assertion. */
    protected static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;

    protected ServiceApi api;

    @BeforeAll
    void startBrowser() {
        api = new ServiceApi(base());
        Browser.assumeInstalled();
        browser = Browser.start(this::options);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Browser options a test class adds to {@link Browser#start()}'s; none by default. */
    protected void options(ChromeOptions options) {
    }

    /** The service's own address, as the pile and the guard know it. */
    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Opens a path of the service in the browser. */
    protected void open(String path) {
        browser.get(base() + path);
    }

    protected WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    protected String text(String id) {
        return byId(id).getText();
    }

    protected <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(50)).until(condition);
    }

    protected Object script(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    protected Path screenshot(String name) {
        return Browser.screenshot(browser, name);
    }
}
