package dev.cartage.run;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cartage.render.Format;
import dev.cartage.render.Rendered;
import dev.cartage.render.Renderers;
import dev.cartage.web.Fields;
import dev.cartage.web.ItemFailedException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code GET /api/render?url=…&format=…} (docs/api.md): one source rendered on demand through {@link OnePage}: the
 * same four stages a run uses — the same guarded fetcher, the same marshal and render — with one worker per stage. The body is the
 * rendered content with its media type; a failed item is a problem response whose status follows its error type
 * (400 bad URL, 403 blocked or robots, 422 unmarshalable content, 502 origin failure, 504 origin timeout).
 *
 * <p>HTML answers ({@code html}, {@code card}) carry the reader page's Content-Security-Policy as a header, so a
 * browser opening the URL directly runs nothing from the page even if sanitising ever missed something.
 */
@RestController
class RenderController {

    private final OnePage onePage;
    private final String contentSecurityPolicy;

    RenderController(OnePage onePage, Renderers renderers) {
        this.onePage = onePage;
        this.contentSecurityPolicy = renderers.contentSecurityPolicy();
    }

    @GetMapping(path = "/api/render")
    Mono<ResponseEntity<String>> render(@RequestParam(required = false) String url,
                                        @RequestParam(required = false, defaultValue = "markdown") String format) {
        return Mono.fromCallable(() -> checked(url, format))
                .flatMap(request -> renderOne(request.target(), request.format()));
    }

    /** The page and the format asked for; every problem of both is refused at once. */
    private RenderRequest checked(String url, String format) {
        Fields page = Fields.named("url", url == null ? null : JsonNodeFactory.instance.stringNode(url));
        URI target = onePage.target(page);
        Format chosen = RequestedFormat.read(page.at("format", JsonNodeFactory.instance.stringNode(format)));
        page.throwIfInvalid();
        return new RenderRequest(target, chosen);
    }

    /** Runs the one item through the stages; the render stage names the media type. */
    private Mono<ResponseEntity<String>> renderOne(URI target, Format format) {
        return onePage.render(target, format)
                .flatMap(outcome -> outcome.isFailed()
                        ? Mono.error(new ItemFailedException(outcome.failure()))
                        : Mono.just(answer(outcome.payload())));
    }

    private ResponseEntity<String> answer(Rendered rendered) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendered.mediaType()))
                .header("X-Content-Type-Options", "nosniff");
        if (rendered.format() == Format.HTML || rendered.format() == Format.CARD) {
            answer.header("Content-Security-Policy", contentSecurityPolicy);
        }
        return answer.body(rendered.content());
    }

    private record RenderRequest(URI target, Format format) {
    }
}
