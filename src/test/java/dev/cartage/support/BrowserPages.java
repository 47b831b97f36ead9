package dev.cartage.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

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

    @RegisterExtension
    final TestWatcher showsThePageOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getDisplayName().replaceAll("\\W", "");
                try {
                    System.out.printf("%s failed on %s; the page: %s; its text: %s%n", context.getDisplayName(),
                            browser.getCurrentUrl(), screenshot(name),
                            browser.findElement(By.tagName("body")).getText().replaceAll("\\s+", " "));
                } catch (RuntimeException e) {
                    System.out.println("no page to show after the failure: " + e);
                }
            }
        }
    };

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;

    protected ServiceApi api;

    @BeforeAll
    void startBrowser() {
        api = new ServiceApi(base());
        Browser.assumeInstalled();
        browser = Browser.start(options -> {
            // commands return once the document is parsed; every test waits for what it reads, and the run page's
            // event stream, opened at the load event, can then never hold a click or a navigation on a busy machine
            options.setPageLoadStrategy(PageLoadStrategy.EAGER);
            options(options);
        });
        browser.manage().window().setSize(new Dimension(1200, 1200));
        // a page that never finishes loading (an event stream opened before its load event) fails the test soon
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
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

    /** Waits for the condition, reading again an element that a live update replaced meanwhile. */
    protected <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Reads something from the page, again if a live update replaced the element while it was read. */
    protected <T> T fresh(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    protected Object script(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    protected Path screenshot(String name) {
        return Browser.screenshot(browser, name);
    }
}
