package dev.cartage.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * Headless Debian Chromium driven by its ChromeDriver, for tests that must see what a real browser does (a
 * Content-Security-Policy, script execution). {@code .ci/run} installs both packages; on a developer machine
 * without them the browser tests are skipped, in CI (where {@code CI=true}) they fail instead, so a missing
 * browser can never turn CI green.
 */
public final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {
    }

    /** Skips the calling test when no browser is installed, unless running in CI. */
    public static void assumeInstalled() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        Assumptions.assumeTrue(installed || "true".equals(System.getenv("CI")),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
    }

    /**
     * Starts a headless browser whose console messages (CSP violations among them) can be read with
     * {@link #console(ChromeDriver)}. The flags keep it off the network: this machine allows no outside
     * connections, and Chromium's background services would otherwise try.
     */
    public static ChromeDriver start() {
        return start(options -> {
        });
    }

    /** Starts a headless browser as {@link #start()} does, with options of the caller's added. */
    public static ChromeDriver start(Consumer<ChromeOptions> customize) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        customize.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Turns JavaScript off for every site, as a user's content setting does: pages must work without it. */
    public static void withoutJavaScript(ChromeOptions options) {
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }

    /** Saves what the browser shows as {@code target/screenshots/{name}.png}, a test artifact, and returns its path. */
    public static Path screenshot(ChromeDriver browser, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The console messages the page logged since the last call, as text. */
    public static List<String> console(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }
}
