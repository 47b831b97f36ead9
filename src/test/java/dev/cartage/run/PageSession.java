package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A browser's session with the pages as tests drive it: a page is read with its session cookie, and a form is posted
 * back with that cookie and the CSRF token the page rendered, as a browser would.
 */
final class PageSession {

    /** The Content-Security-Policy every page is sent with, as docs/pages.md gives it. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final WebTestClient http;
    private String session;

    PageSession(WebTestClient http) {
        this.http = http;
    }

    /** The page at {@code path}, expecting {@code status}; keeps the session cookie it sets. */
    Document get(String path, HttpStatus status) {
        EntityExchangeResult<String> result = request(http.get().uri(path))
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult();
        keepSession(result.getResponseCookies().getFirst("SESSION"));
        return Jsoup.parse(result.getResponseBody() == null ? "" : result.getResponseBody(), "http://localhost" + path);
    }

    /** The CSRF token of {@code form} in {@code page}, as the page rendered it. */
    static String csrf(Document page, String form) {
        String token = page.select(form + " input[type=hidden][name=_csrf]").attr("value");
        assertThat(token).as("the CSRF field of %s", form).isNotBlank();
        return token;
    }

    /** What a form control would send: a select's chosen option, a text area's text, an input's value. */
    static String value(Element control) {
        if (control.tagName().equals("select")) {
            Element chosen = control.selectFirst("option[selected]");
            return chosen == null ? control.select("option").first().val() : chosen.val();
        }
        return control.val();
    }

    /** Posts {@code fields} (form-encoded) to {@code path} with the session cookie. */
    WebTestClient.ResponseSpec post(String path, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return request(http.post().uri(path))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private <S extends WebTestClient.RequestHeadersSpec<?>> S request(S spec) {
        if (session != null) {
            spec.cookie("SESSION", session);
        }
        return spec;
    }

    private void keepSession(ResponseCookie cookie) {
        if (cookie != null) {
            session = cookie.getValue();
        }
    }
}
