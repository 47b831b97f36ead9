package dev.cartage.run;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer of an endpoint whose body is a fetched page's rendered content, shown framed in one of the service's
 * pages ({@code /runs/{id}/items/{seq}/content}, {@code /read/content}). Its headers are its own, not the pages':
 * the render stage's policy (nothing runs, only images and the page's own hashed style load), {@code sandbox} so
 * that the content is sandboxed even when opened on its own, and {@code frame-ancestors 'self'} so that only the
 * service's pages may frame it. Headers set here are kept by the pages' security chain, which adds its own only
 * where a response has none.
 */
final class FramedContent {

    private final String policy;

    /** @param renderPolicy the render stage's policy for reader pages and cards ({@code Renderers}) */
    FramedContent(String renderPolicy) {
        this.policy = renderPolicy + "; frame-ancestors 'self'; sandbox";
    }

    String policy() {
        return policy;
    }

    ResponseEntity<String> answer(MediaType type, String content) {
        return with(ResponseEntity.ok().contentType(type)).body(content);
    }

    /** A plain-text answer for content that is not there (or a read that failed), framed where the content would be. */
    ResponseEntity<String> missing(String message) {
        return failed(HttpStatus.NOT_FOUND, message);
    }

    ResponseEntity<String> failed(HttpStatus status, String message) {
        return with(ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)))
                .body(message);
    }

    private ResponseEntity.BodyBuilder with(ResponseEntity.BodyBuilder answer) {
        return answer.header("Content-Security-Policy", policy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }
}
