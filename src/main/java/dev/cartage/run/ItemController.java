package dev.cartage.run;

import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;

import dev.cartage.deliver.DeliverTarget;
import dev.cartage.deliver.Outcome;
import dev.cartage.render.Renderers;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

/**
 * One outcome of a run as a page ({@code GET /runs/{id}/items/{seq}}, docs/pages-read.md), and its stored content on
 * its own ({@code …/content}) for the page's sandboxed frame. Both read the outcome the run keeps, as
 * {@code GET /api/runs/{id}/results} does; an unknown run, an item not kept (yet) or a seq that is no number is the
 * 404 page.
 */
@Controller
@HtmlPages
@Hidden
class ItemController {

    private final RunRegistry runs;
    private final FramedContent framed;

    ItemController(RunRegistry runs, Renderers renderers) {
        this.runs = runs;
        this.framed = new FramedContent(renderers.contentSecurityPolicy());
    }

    @GetMapping("/runs/{id}/items/{seq}")
    Mono<Rendering> item(@PathVariable String id, @PathVariable String seq) {
        return Mono.fromSupplier(() -> find(id, seq)
                .map(found -> Rendering.view("runs/item")
                        .modelAttribute("item", ItemPage.of(id, found.deliver(), found.outcome()))
                        .build())
                .orElseGet(() -> PageErrors.notFound(missing(id, seq))));
    }

    /**
     * The stored content with its own media type and a policy of its own, which lets the item page frame it
     * (docs/pages-read.md, "Headers"); never the pages' policy, whose {@code frame-ancestors 'none'} would refuse that.
     */
    @GetMapping("/runs/{id}/items/{seq}/content")
    Mono<ResponseEntity<String>> content(@PathVariable String id, @PathVariable String seq) {
        return Mono.fromSupplier(() -> find(id, seq)
                .map(Found::outcome)
                .filter(outcome -> outcome.content() != null)
                .map(outcome -> framed.answer(MediaType.parseMediaType(outcome.mediaType()), outcome.content()))
                .orElseGet(() -> framed.missing("This item has no content to show.")));
    }

    private Optional<Found> find(String id, String seq) {
        Optional<Long> number = number(seq);
        return runs.find(id).flatMap(run -> number
                .flatMap(n -> run.outcomes().find(n))
                .map(outcome -> new Found(run.plan().deliver().to().wireName(), outcome)));
    }

    /** Why there is no page: the run is unknown, keeps no outcomes, or has not delivered this one (yet). */
    private String missing(String id, String seq) {
        Optional<Run> run = runs.find(id);
        if (run.isEmpty()) {
            return "There is no run '" + id + "': it never existed, or it ended long enough ago to be forgotten.";
        }
        if (run.get().plan().deliver().to() == DeliverTarget.DISCARD) {
            return "Run '" + id + "' delivers its outcomes to discard, so it keeps none to show.";
        }
        if (number(seq).isEmpty()) {
            return "'" + seq + "' is not an item number: items are numbered 0, 1, 2 and on.";
        }
        return run.get().running()
                ? "Run '" + id + "' has not delivered item " + seq + " yet: reload in a moment, or see the run."
                : "Run '" + id + "' has no item " + seq + " (or did not keep it).";
    }

    private static Optional<Long> number(String seq) {
        if (seq.isEmpty() || seq.length() > 18 || !seq.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(seq));
    }

    private record Found(String deliver, Outcome outcome) {
    }
}
