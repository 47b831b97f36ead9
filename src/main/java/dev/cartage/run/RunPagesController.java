package dev.cartage.run;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;

import dev.cartage.web.ConflictException;
import dev.cartage.web.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * The runs' pages (docs/pages.md): the list ({@code GET /runs}), one run live ({@code GET /runs/{id}}), its live part
 * alone for the page's script to swap in ({@code GET /runs/{id}/stages}), and the cancel button's post. They read
 * the same registry as {@code /api/runs} and cancel as {@code DELETE /api/runs/{id}} does.
 */
@Controller
@HtmlPages
class RunPagesController {

    private final RunService runs;

    RunPagesController(RunService runs) {
        this.runs = runs;
    }

    @GetMapping(path = "/runs", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> list() {
        return runs.shownRuns()
                .map(shown -> RunView.of(shown, List.of()))
                .collectList()
                .map(views -> Rendering.view("runs/list").modelAttribute("runs", views).build());
    }

    @GetMapping(path = "/runs/{id}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> run(@PathVariable String id) {
        return view(id, RunView.OUTCOME_WINDOW).map(view -> Rendering.view("runs/run")
                .modelAttribute("run", view)
                .modelAttribute("window", RunView.OUTCOME_WINDOW)
                .modelAttribute("script", "/pages/run.js")
                .build());
    }

    /** The page's live part (status, progress, stages) alone, which the page's script swaps in as the run goes. */
    @GetMapping(path = "/runs/{id}/stages", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> live(@PathVariable String id) {
        return view(id, 0).map(view -> Rendering.view("runs/live :: live")
                .modelAttribute("run", view)
                .build());
    }

    /** Cancels as {@code DELETE /api/runs/{id}} does; a run that has already ended stays as it ended. */
    @PostMapping(path = "/runs/{id}/cancel", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> cancel(@PathVariable String id) {
        return backToTheRun(id, runs.cancel(id));
    }

    /**
     * Resumes as {@code POST /api/runs/{id}/resume} does, and comes back to the run's page, which shows how it stands
     * (a run that cannot be resumed, because it was resumed meanwhile say, stays as it is).
     */
    @PostMapping(path = "/runs/{id}/resume", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> resume(@PathVariable String id) {
        return backToTheRun(id, runs.resume(id));
    }

    /** Runs the failed items again, as {@code POST /api/runs/{id}/retry} does, and comes back to the run's page. */
    @PostMapping(path = "/runs/{id}/retry", produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> retry(@PathVariable String id) {
        return backToTheRun(id, runs.retry(id));
    }

    private static Mono<Rendering> backToTheRun(String id, Mono<RunStatus> action) {
        return action.onErrorResume(ConflictException.class, refused -> Mono.empty())
                .then(Mono.fromSupplier(() -> Rendering.redirectTo("/runs/" + id).status(HttpStatus.SEE_OTHER).build()));
    }

    /** An unknown run is a page too, not the API's problem JSON. */
    @ExceptionHandler(NotFoundException.class)
    Rendering notFound(NotFoundException e) {
        return PageErrors.notFound(e.getMessage());
    }

    private Mono<RunView> view(String id, int outcomeWindow) {
        return runs.shown(id).zipWith(runs.latest(id, outcomeWindow), RunView::of);
    }
}
