package dev.cartage.run;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;

import dev.cartage.pipeline.Envelope;
import dev.cartage.render.Format;
import dev.cartage.render.Rendered;
import dev.cartage.render.Renderers;
import dev.cartage.web.Fields;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reader mode (docs/pages-read.md): {@code GET /read} is a form for an address; {@code GET /read?url=…} reads that
 * page through the four stages as {@code GET /api/render} does ({@link OnePage}) and shows its metadata with its
 * reader page in a sandboxed frame ({@code GET /read/content?url=…}) or its Markdown as text. A page that cannot be
 * read is a {@link ReadProblem} page with the status the API would answer.
 */
@Controller
@HtmlPages
@Hidden
class ReadController {

    private final OnePage onePage;
    private final Renderers renderers;
    private final FramedContent framed;

    ReadController(OnePage onePage, Renderers renderers) {
        this.onePage = onePage;
        this.renderers = renderers;
        this.framed = new FramedContent(renderers.contentSecurityPolicy());
    }

    @GetMapping("/read")
    Mono<Rendering> read(@RequestParam(required = false) String url,
                         @RequestParam(required = false, defaultValue = "html") String format) {
        if (url == null) {
            return Mono.just(page(null, format).build());
        }
        if (!format.equals("html") && !format.equals("markdown")) {
            return Mono.just(problem(url, format, ReadProblem.unknownFormat(format)));
        }
        Fields page = field(url);
        URI target = onePage.target(page);
        if (page.hasErrors()) {
            return Mono.just(problem(url, format, ReadProblem.invalid(page.errors().get(0).message())));
        }
        boolean markdown = format.equals("markdown");
        return onePage.read(target, document -> Reading.of(document, frameOf(url),
                        markdown ? renderers.render(document, Format.MARKDOWN).content() : null))
                .map(read -> read.isFailed()
                        ? problem(url, format, ReadProblem.of(read.failure()))
                        : page(url, format).modelAttribute("reading", read.payload()).build());
    }

    /** The page's reader page alone, for the frame: the render stage's policy, framable by the service's pages only. */
    @GetMapping("/read/content")
    Mono<ResponseEntity<String>> content(@RequestParam(required = false) String url) {
        Fields page = field(url);
        URI target = url == null ? null : onePage.target(page);
        if (target == null || page.hasErrors()) {
            return Mono.just(framed.failed(HttpStatus.BAD_REQUEST, "That address cannot be read: give an absolute "
                    + "http:// or https:// address."));
        }
        return onePage.render(target, Format.HTML).map(this::framedAnswer);
    }

    private ResponseEntity<String> framedAnswer(Envelope<Rendered> read) {
        if (read.isFailed()) {
            ReadProblem problem = ReadProblem.of(read.failure());
            return framed.failed(HttpStatus.valueOf(problem.status()), problem.title() + ". " + problem.advice());
        }
        return framed.answer(MediaType.parseMediaType(read.payload().mediaType()), read.payload().content());
    }

    private static Fields field(String url) {
        return Fields.named("url", url == null ? null : JsonNodeFactory.instance.stringNode(url));
    }

    private static String frameOf(String url) {
        return UriComponentsBuilder.fromPath("/read/content").queryParam("url", "{url}").encode()
                .buildAndExpand(url).toUriString();
    }

    private static Rendering.Builder<?> page(String url, String format) {
        return Rendering.view("read/read")
                .modelAttribute("url", url == null ? "" : url)
                .modelAttribute("format", format);
    }

    private static Rendering problem(String url, String format, ReadProblem problem) {
        return page(url, format).modelAttribute("problem", problem).status(HttpStatus.valueOf(problem.status())).build();
    }
}
