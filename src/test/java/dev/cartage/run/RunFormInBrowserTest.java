package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import dev.cartage.support.BrowserPages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The home form in a browser: an invalid value comes back with its message beside its field, and the whole form can
 * be filled and sent with the keyboard alone, the focused control always showing its focus.
 */
class RunFormInBrowserTest extends BrowserPages {

    @Test
    void anInvalidParallelismComesBackWithItsMessageBesideTheField() {
        open("/");
        browser.findElement(By.cssSelector("input[name='source'][value='pile']")).click();
        WebElement parallelism = byId("stages-fetch-parallelism");
        parallelism.clear();
        parallelism.sendKeys("0");
        // the browser's own range check would stop the form before the server sees it; the server's answer is tested
        script("document.getElementById('run-form').noValidate = true");

        byId("start").click();

        WebElement error = await(presenceOfElementLocated(By.id("stages-fetch-parallelism-error")));
        assertThat(navigationStatus()).as("status of the re-rendered form").isEqualTo(422L);
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).as("#stages-fetch-parallelism-error, the API's message for the field")
                .isEqualTo(api.problem("{\"sources\": [{\"pile\": {\"count\": 3}}], "
                        + "\"stages\": {\"fetch\": {\"parallelism\": 0}}}").get("stages.fetch.parallelism"));
        WebElement field = byId("stages-fetch-parallelism");
        assertThat(field.getDomProperty("value")).as("the value sent is kept").isEqualTo("0");
        assertThat(field.getDomAttribute("aria-describedby")).as("the field names its message")
                .contains("stages-fetch-parallelism-error");
        assertThat(browser.findElements(By.cssSelector("[id$='-error']")).stream()
                .filter(WebElement::isDisplayed).filter(message -> !message.getText().isBlank())
                .map(message -> message.getDomAttribute("id")).toList())
                .as("field messages shown").containsExactly("stages-fetch-parallelism-error");
        screenshot("home-invalid");
    }

    @Test
    void theFormCanBeFilledAndSentWithTheKeyboardAloneAndFocusIsVisible() {
        open("/");
        List<String> focusedWithoutMark = new ArrayList<>();

        tabUntil(focused -> "source".equals(focused.get("name")), focusedWithoutMark);
        for (int i = 0; i < 4 && !"pile".equals(focused().get("value")); i++) {
            press(Keys.ARROW_DOWN);
        }
        assertThat(focused().get("value")).as("the pile radio chosen with the arrow keys").isEqualTo("pile");
        tabUntil(focused -> "pile-count".equals(focused.get("id")), focusedWithoutMark);
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("7").perform();
        tabUntil(focused -> "start".equals(focused.get("id")), focusedWithoutMark);
        screenshot("home-keyboard-focus-on-start");
        press(Keys.ENTER);

        await(urlMatches("/runs/r-[^/?#]+$"));
        String id = browser.getCurrentUrl().replaceFirst(".*/runs/", "");
        long total = await(driver -> api.run(id).get("items").get("total").asLong(-1) >= 0
                ? api.run(id).get("items").get("total").asLong() : null);
        assertThat(total).as("items of the run: the count typed in").isEqualTo(7);
        assertThat(focusedWithoutMark).as("controls that took focus without a visible outline or shadow").isEmpty();
    }

    /** Presses Tab until the focused element matches, noting each focused control that shows no focus mark. */
    private void tabUntil(Predicate<Map<String, Object>> wanted, List<String> withoutMark) {
        for (int i = 0; i < 80; i++) {
            press(Keys.TAB);
            Map<String, Object> focused = focused();
            if (!Boolean.TRUE.equals(focused.get("marked"))) {
                withoutMark.add(focused.get("tag") + "#" + focused.get("id") + "[name=" + focused.get("name") + "]");
            }
            if (wanted.test(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the control; focused last: " + focused());
    }

    private void press(Keys key) {
        new Actions(browser).sendKeys(key).perform();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> focused() {
        return (Map<String, Object>) script("""
                const e = document.activeElement, s = getComputedStyle(e);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                const shadow = s.boxShadow && s.boxShadow !== 'none';
                return {tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name'), value: e.value,
                        marked: outline || !!shadow};""");
    }

    private Long navigationStatus() {
        return (Long) script("return performance.getEntriesByType('navigation')[0].responseStatus");
    }
}
