package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;

import dev.cartage.render.HostilePages;
import dev.cartage.support.Browser;
import dev.cartage.support.BrowserPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code render/SafetyTest}'s hostile pages, served by a local origin the guard allows, opened in reader mode and as
 * the items of a run: no payload runs. Each payload would set {@code window.__xss} and open an alert; the mark stays
 * undefined in the page and in its frames, no dialog opens, and the console shows no script error and no policy
 * report of something that tried to run.
 */
class HostilePagesInBrowserTest extends BrowserPages {

    private static final List<String> PAGES = HostilePages.all();

    private DisposableServer origin;

    @BeforeAll
    void startOrigin() {
        origin = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/hostile/{n}", (request, response) -> request.param("n").matches("\\d+")
                        ? response.header("Content-Type", "text/html;charset=UTF-8")
                                .sendString(Mono.just(PAGES.get(Integer.parseInt(request.param("n")))))
                        : response.sendNotFound()))
                .bindNow();
    }

    @AfterAll
    void stopOrigin() {
        if (origin != null) {
            origin.disposeNow();
        }
    }

    @Test
    void readerModeRunsNothingFromHostilePages() {
        List<String> console = new ArrayList<>();
        for (int n = 0; n < PAGES.size(); n++) {
            open("/read?url=" + ReaderModeInBrowserTest.encoded(hostile(n)));
            await(presenceOfElementLocated(By.id("reader-frame")));
            assertThat(assertInert("reader mode of hostile page " + n, console)).as("frames checked").isPositive();
        }
        report(console);
    }

    @Test
    void itemPagesRunNothingFromHostilePages() {
        String sources = IntStream.range(0, PAGES.size()).mapToObj(n -> "\"" + hostile(n) + "\"")
                .collect(Collectors.joining(", "));
        String id = api.startRun("{\"sources\": [" + sources + "], \"format\": \"html\"}");
        open("/runs/" + id);
        await(textMatches(By.id("status"), LiveRunPageInBrowserTest.COMPLETED));
        List<String> console = new ArrayList<>();
        assertInert("run page of the hostile pages", console);
        int frames = 0;
        for (int n = 0; n < PAGES.size(); n++) {
            open("/runs/" + id + "/items/" + n);
            await(presenceOfElementLocated(By.id("item")));
            frames += assertInert("item page of hostile page " + n, console);
        }
        assertThat(frames).as("item pages that framed their content").isEqualTo(PAGES.size());
        report(console);
    }

    /** Checks the page and its frames; returns how many frames it checked. */
    private int assertInert(String page, List<String> console) {
        assertThat(ExpectedConditions.alertIsPresent().apply(browser)).as("an alert opened on the %s", page).isNull();
        assertThat(script("return typeof window.__xss")).as("window.__xss on the %s", page).isEqualTo("undefined");
        int frames = browser.findElements(By.tagName("iframe")).size();
        for (int i = 0; i < frames; i++) {
            browser.switchTo().frame(i);
            try {
                assertThat(script("return typeof window.__xss")).as("window.__xss in frame %d of the %s", i, page)
                        .isEqualTo("undefined");
            } finally {
                browser.switchTo().defaultContent();
            }
        }
        List<String> messages = Browser.console(browser);
        messages.forEach(message -> console.add(page + ": " + message));
        assertThat(messages).as("console of the %s", page)
                .noneMatch(message -> message.contains("Uncaught"))
                .noneMatch(message -> message.contains("Refused to execute") || message.contains("Refused to run")
                        || message.contains("Blocked script execution") || message.contains("script-src"));
        return frames;
    }

    private String hostile(int n) {
        return "http://127.0.0.1:" + origin.port() + "/hostile/" + n;
    }

    private static void report(List<String> console) {
        System.out.println("console while showing hostile pages: " + (console.isEmpty() ? "nothing" : ""));
        console.forEach(message -> System.out.println("  " + message));
    }
}
