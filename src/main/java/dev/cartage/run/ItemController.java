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
import dev.cartage.web.NotFoundException;
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

    private final RunService runs;
    private final FramedContent framed;

    ItemController(RunService runs, Renderers renderers) {
        this.runs = runs;
        this.framed = new FramedContent(renderers.contentSecurityPolicy());
    }

    @GetMapping("/runs/{id}/items/{seq}")
    Mono<Rendering> item(@PathVariable String id, @PathVariable String seq) {
        return find(id, seq)
                .map(found -> Rendering.view("runs/item")
                        .modelAttribute("item", ItemPage.of(id, found.deliver(), found.outcome()))
                        .build())
                .switchIfEmpty(Mono.defer(() -> missing(id, seq)).map(PageErrors::notFound));
    }

    /**
     * The stored content with its own media type and a policy of its own, which lets the item page frame it
     * (docs/pages-read.md, "Headers"); never the pages' policy, whose {@code frame-ancestors 'none'} would refuse that.
     */
    @GetMapping("/runs/{id}/items/{seq}/content")
    Mono<ResponseEntity<String>> content(@PathVariable String id, @PathVariable String seq) {
        return find(id, seq)
                .map(Found::outcome)
                .filter(outcome -> outcome.content() != null)
                .map(outcome -> framed.answer(MediaType.parseMediaType(outcome.mediaType()), outcome.content()))
                .switchIfEmpty(Mono.fromSupplier(() -> framed.missing("This item has no content to show.")));
    }

    private Mono<Found> find(String id, String seq) {
        Optional<Long> number = number(seq);
        if (number.isEmpty()) {
            return Mono.empty();
        }
        return runs.status(id)
                .onErrorResume(NotFoundException.class, unknown -> Mono.empty())
                .flatMap(status -> runs.outcome(id, number.get()).map(outcome -> new Found(status.deliver(), outcome)));
    }

    /** Why there is no page: the run is unknown, keeps no outcomes, or has not delivered this one (yet). */
    private Mono<String> missing(String id, String seq) {
        return runs.status(id)
                .map(run -> {
                    if (DeliverTarget.DISCARD.wireName().equals(run.deliver())) {
                        return "Run '" + id + "' delivers its outcomes to discard, so it keeps none to show.";
                    }
                    if (number(seq).isEmpty()) {
                        return "'" + seq + "' is not an item number: items are numbered 0, 1, 2 and on.";
                    }
                    return "running".equals(run.status())
                            ? "Run '" + id + "' has not delivered item " + seq + " yet: reload in a moment, or see the run."
                            : "Run '" + id + "' has no item " + seq + " (or did not keep it).";
                })
                .onErrorResume(NotFoundException.class, unknown -> Mono.just(
                        "There is no run '" + id + "': it never existed, or it ended long enough ago to be forgotten."));
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
