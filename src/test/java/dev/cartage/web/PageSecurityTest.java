package dev.cartage.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pages' security covers the pages only: their assets carry the strict headers, while the API, the pile and the
 * actuator answer as they did before Spring Security was on the classpath (no login, no CSRF, no page headers).
 */
@SpringBootTest
@AutoConfigureWebTestClient
class PageSecurityTest {

    @Autowired
    WebTestClient client;

    @Test
    void pageAssetsCarryTheStrictHeaders() {
        client.get().uri("/pages/cartage.css").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", PageSecurity.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void theApiIsOutsideThePagesSecurity() {
        client.get().uri("/api/runs").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Security-Policy")
                .expectHeader().doesNotExist("X-Frame-Options");
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-Frame-Options");
    }

    @Test
    void aJsonPostToTheApiNeedsNoCsrfToken() {
        client.post().uri("/api/runs").header("Content-Type", "application/json")
                .bodyValue("{\"sources\": [{\"pile\": {\"count\": 1}}], \"deliver\": {\"to\": \"discard\"}}")
                .exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void theCspForbidsInlineCodeAndFraming() {
        assertThat(PageSecurity.CONTENT_SECURITY_POLICY)
                .doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'", "script-src 'self'");
    }
}
