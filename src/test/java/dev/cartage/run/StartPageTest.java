package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;

import tools.jackson.databind.JsonNode;

/**
 * The start page ({@code GET /}) and its post ({@code POST /runs}): a form whose fields are the run request's JSON
 * paths, checked by the API's own reader; 303 to the new run's page, or 422 with each message beside its field;
 * 403 without the CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class StartPageTest {

    @Autowired
    WebTestClient http;

    @Autowired
    StagesProperties stages;

    @Test
    void theFormShowsTheDefaultsSoThatOneClickRunsThePile() {
        Document page = new PageSession(http).get("/", HttpStatus.OK);

        assertThat(page.select("#run-form input[name=source][value=pile]").hasAttr("checked")).isTrue();
        assertThat(page.select("#pile-count").val()).isEqualTo("200");
        assertThat(page.select("#stages-fetch-parallelism").val()).isEqualTo("16");
        assertThat(page.select("#stages-deliver-buffer").val()).isEqualTo("64");
        assertThat(page.select("#stages-marshal-parallelism").val())
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
        assertThat(page.select("#format option[selected]").val()).isEqualTo("markdown");
        assertThat(page.select("#start").attr("type")).isEqualTo("submit");
        PageSession.csrf(page, "#run-form");
    }

    @Test
    void everyControlHasALabelAndAnIdMadeFromItsName() {
        Document page = new PageSession(http).get("/", HttpStatus.OK);

        for (Element control : page.select("#run-form input:not([type=hidden]), #run-form select, #run-form textarea")) {
            String name = control.attr("name");
            if (!control.attr("type").equals("radio")) {
                assertThat(control.id()).as("id of %s", name).isEqualTo(name.replace('.', '-'));
            }
            assertThat(page.select("label[for=" + control.id() + "]")).as("label of %s", control.id()).hasSize(1);
        }
    }

    /** Each field, filled in, lands at the JSON path its name says: the names are the API's. */
    @Test
    void theFormsFieldNamesAreTheRunRequestsJsonPaths() {
        Document page = new PageSession(http).get("/", HttpStatus.OK);
        LinkedMultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
        page.select("#run-form [name]").forEach(control -> sent.add(control.attr("name"), PageSession.value(control)));

        JsonNode request = RunForm.of(sent, stages).toRequest();

        for (String name : sent.keySet()) {
            if (name.equals("_csrf") || name.equals("source") || name.equals("urls") || name.equals("sitemap")
                    || name.equals("feed") || name.equals("ordered")) {
                continue;
            }
            String pointer = name.startsWith("pile.") ? "/sources/0/" + name.replace('.', '/')
                    : name.equals("deliver") ? "/deliver/to" : "/" + name.replace('.', '/');
            assertThat(request.at(pointer).isMissingNode()).as("%s at %s", name, pointer).isFalse();
            assertThat(request.at(pointer).asString()).as(name).isEqualTo(sent.getFirst(name));
        }
        assertThat(request.at("/ordered").isBoolean()).isTrue();
    }

    @Test
    void aValidFormStartsTheRunAndSeesTheBrowserToItsPage() {
        PageSession browser = new PageSession(http);
        Document page = browser.get("/", HttpStatus.OK);
        Map<String, String> fields = defaults(page);
        fields.put("pile.count", "3");

        String location = browser.post("/runs", fields)
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        assertThat(location).matches("/runs/r-[0-9a-f-]+");
        String id = location.substring("/runs/".length());
        http.get().uri("/api/runs/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.format").isEqualTo("markdown");
    }

    @Test
    void anInvalidStageSettingComesBackWithTheMessageBesideItsField() {
        PageSession browser = new PageSession(http);
        Map<String, String> fields = defaults(browser.get("/", HttpStatus.OK));
        fields.put("stages.fetch.parallelism", "0");
        fields.put("pile.count", "17");

        String html = browser.post("/runs", fields)
                .expectStatus().isEqualTo(422)
                .expectHeader().valueEquals("Content-Security-Policy", PageSession.CSP)
                .expectBody(String.class).returnResult().getResponseBody();
        Document page = org.jsoup.Jsoup.parse(html);

        Element input = page.selectFirst("#stages-fetch-parallelism");
        assertThat(input.val()).isEqualTo("0");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("aria-describedby")).isEqualTo("stages-fetch-parallelism-error");
        assertThat(page.select("#stages-fetch-parallelism-error").text()).contains("from 1 to 1024", "was 0");
        assertThat(page.select("#pile-count").val()).as("the user's input is kept").isEqualTo("17");
        assertThat(page.select("#pile-count").hasAttr("aria-invalid")).isFalse();
        assertThat(page.select(".error")).as("only the field at fault").hasSize(1);
        PageSession.csrf(page, "#run-form");
    }

    @Test
    void aBadUrlIsNamedByItsLine() {
        PageSession browser = new PageSession(http);
        Map<String, String> fields = defaults(browser.get("/", HttpStatus.OK));
        fields.put("source", "urls");
        fields.put("urls", "https://example.org/a\n\nnot a url\n");

        Document page = org.jsoup.Jsoup.parse(browser.post("/runs", fields)
                .expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("#urls-error").text()).startsWith("Line 3:");
        assertThat(page.select("#urls").attr("aria-describedby")).isEqualTo("urls-error");
        assertThat(page.select("#source-urls").hasAttr("checked")).isTrue();
    }

    @Test
    void aPileSettingErrorIsShownBesideThePileField() {
        PageSession browser = new PageSession(http);
        Map<String, String> fields = defaults(browser.get("/", HttpStatus.OK));
        fields.put("pile.latency", "soon");

        Document page = org.jsoup.Jsoup.parse(browser.post("/runs", fields)
                .expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("#pile-latency-error").text()).contains("not a duration");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        PageSession browser = new PageSession(http);
        Map<String, String> fields = defaults(browser.get("/", HttpStatus.OK));
        fields.remove("_csrf");

        browser.post("/runs", fields).expectStatus().isForbidden();
    }

    /** The form's fields as the page filled them in, the CSRF token among them. */
    private static Map<String, String> defaults(Document page) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element control : page.select("#run-form [name]")) {
            boolean choice = control.attr("type").equals("radio") || control.attr("type").equals("checkbox");
            if (!choice || control.hasAttr("checked")) {
                fields.put(control.attr("name"), PageSession.value(control));
            }
        }
        return fields;
    }
}
