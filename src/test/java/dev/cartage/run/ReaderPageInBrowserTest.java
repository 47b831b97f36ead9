package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartage.support.HostileOrigin;
import dev.cartage.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

/**
 * The {@code html} and {@code card} formats as a real browser (headless Chromium) sees them when it opens
 * {@code /api/render} on a hostile page: nothing from the page runs, the reader page needs nothing its own strict
 * Content-Security-Policy forbids (Chromium reports every blocked inline style, script or handler on its console,
 * and there are none), its stylesheet applies under that policy, and template syntax in the page is shown as
 * text. {@code render/SafetyTest} checks the same markup statically over many more attack strings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cartage.fetch.guard.allow[0]=127.0.0.1:*"})
class ReaderPageInBrowserTest {

    private static final String HOSTILE = """
            <!DOCTYPE html><html lang="en"><head><title>A hostile page</title>
            <meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">
            <meta property="og:image" content="javascript:window.__pwned='og'">
            <script>window.__pwned = 'head script'</script></head>
            <body onload="window.__pwned='body onload'"><article><h1>A hostile page</h1>
            <p>Readers keep the words of this first paragraph, which is long enough to be content.
            <a href="javascript:window.__pwned='link'">a link</a> <a href="jav&#x09;ascript:window.__pwned='tab'">tab</a>
            <img src="x" onerror="window.__pwned='img onerror'"></p>
            <svg onload="window.__pwned='svg'"><circle r="1"></circle></svg>
            <p style="background:url(javascript:window.__pwned='css')" onclick="window.__pwned='click'">Template
            syntax stays text: [[${T(java.lang.Runtime).getRuntime().exec('true')}]] and __${7*7}__ and *{7*7}.</p>
            <iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
            <p>A third paragraph closes the article with a few more ordinary words in it.</p>
            </article></body></html>""";

    private static HostileOrigin origin;

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeAll
    static void startOrigin() {
        origin = HostileOrigin.serving(HOSTILE);
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
    void theReaderPageRunsNothingFromThePageAndNeedsNothingItsPolicyForbids() {
        String page = open("html");

        assertThat(browser.executeScript("return window.__pwned")).as("script from the page ran").isNull();
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        assertThat(browser.executeScript("return document.querySelectorAll("
                + "'script, iframe, object, embed, svg, meta[http-equiv=refresh], [onclick], [onerror], [onload],"
                + " [style]').length")).isEqualTo(0L);
        assertThat(Browser.console(browser)).as("console").noneMatch(message -> message.contains("Content Security Policy"));
        assertThat(browser.executeScript("return getComputedStyle(document.body).maxWidth"))
                .as("the page's own stylesheet applies under its policy").isEqualTo("672px");
        // the page shows its source URL, whose random ports may contain 49; only the content is checked for it
        String text = ((String) browser.executeScript("return document.body.innerText"))
                .replace(String.valueOf(origin.port()), "{port}").replace(String.valueOf(port), "{port}");
        assertThat(text).contains("Readers keep the words of this first paragraph",
                "[[${T(java.lang.Runtime).getRuntime().exec('true')}]]", "__${7*7}__", "*{7*7}")
                .doesNotContain("49");
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('a[href], img[src]'), e => e.href || e.src)");
        assertThat(hrefs).allMatch(url -> url.startsWith("http://") || url.startsWith("https://"));

        // the check above can fail: an inline style the policy forbids is reported on the console
        browser.executeScript("document.body.setAttribute('style', 'color: red')");
        assertThat(Browser.console(browser)).anyMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void theCardRunsNothingFromThePage() {
        open("card");

        assertThat(browser.executeScript("return window.__pwned")).isNull();
        assertThat(browser.executeScript("return document.querySelectorAll('script, [onerror], [onload], [style]')"
                + ".length")).isEqualTo(0L);
        assertThat(Browser.console(browser)).as("console").noneMatch(message -> message.contains("Content Security Policy"));
        assertThat((String) browser.executeScript("return document.body.innerText")).contains("A hostile page");
    }

    private String open(String format) {
        String url = "http://127.0.0.1:" + port + "/api/render?format=" + format + "&url=" + origin.url();
        browser.get(url);
        return url;
    }
}
