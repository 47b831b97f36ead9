package dev.cartage.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of the page controllers become pages: an unexpected failure is the 500 page with nothing of the failure on
 * it, an unknown thing the 404 page, a client's mistake its own 4xx page.
 */
class PageErrorsTest {

    private final PageErrors errors = new PageErrors();

    @Test
    void anUnexpectedFailureIsThe500PageWithoutItsDetails() {
        Rendering page = errors.unexpected(new IllegalStateException("secret internals at dev.cartage.Foo")).block();

        assertThat(page.view()).isEqualTo("errors/error");
        assertThat(page.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.modelAttributes()).doesNotContainKey("message");
        assertThat(page.modelAttributes().values().toString()).doesNotContain("secret", "Foo");
    }

    @Test
    void aNotFoundStatusIsThe404Page() {
        Rendering page = errors.statusError(new ResponseStatusException(HttpStatus.NOT_FOUND)).block();

        assertThat(page.view()).isEqualTo("errors/not-found");
        assertThat(page.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.modelAttributes()).containsKey("message");
    }

    @Test
    void aClientsMistakeKeepsItsStatus() {
        Rendering page = errors.statusError(new ResponseStatusException(HttpStatus.BAD_REQUEST, "no")).block();

        assertThat(page.view()).isEqualTo("errors/error");
        assertThat(page.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aServerStatusIsThe500Page() {
        Rendering page = errors.statusError(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE)).block();

        assertThat(page.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
