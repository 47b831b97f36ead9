package dev.cartage.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import dev.cartage.pipeline.Stage;
import dev.cartage.render.Format;
import dev.cartage.web.FieldError;
import dev.cartage.web.InvalidRequestException;
import reactor.core.publisher.Mono;

/**
 * The start page ({@code GET /}) and its form post ({@code POST /runs}, docs/pages.md): the form becomes the JSON run
 * request of {@code POST /api/runs} and is checked by the same reader; a valid one starts the run and sees the
 * browser to its page (303), an invalid one comes back with the user's input and a message beside each field at
 * fault (422).
 */
@Controller
@HtmlPages
class StartPageController {

    private final RunService runs;
    private final StagesProperties stages;

    StartPageController(RunService runs, StagesProperties stages) {
        this.runs = runs;
        this.stages = stages;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    Rendering form() {
        return page(RunForm.defaults(stages), List.of(), HttpStatus.OK);
    }

    @PostMapping(path = "/runs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    Mono<Rendering> start(ServerWebExchange exchange) {
        return exchange.getFormData()
                .map(sent -> RunForm.of(sent, stages))
                .flatMap(this::start);
    }

    private Mono<Rendering> start(RunForm form) {
        return runs.start(form.toRequest())
                .map(run -> Rendering.redirectTo("/runs/" + run.id())
                        .status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(InvalidRequestException.class,
                        invalid -> Mono.just(page(form, invalid.errors(), HttpStatus.UNPROCESSABLE_CONTENT)));
    }

    private Rendering page(RunForm form, List<FieldError> errors, HttpStatus status) {
        Map<String, String> messages = errors.stream()
                .map(form::toFormField)
                .collect(Collectors.groupingBy(FieldError::field, LinkedHashMap::new,
                        Collectors.mapping(FieldError::message, Collectors.joining(" "))));
        return Rendering.view("runs/start")
                .modelAttribute("form", form)
                .modelAttribute("errors", messages)
                .modelAttribute("sources", RunForm.SOURCES)
                .modelAttribute("formats", Arrays.stream(Format.values()).filter(Format::available).map(Format::wireName).toList())
                .modelAttribute("stageNames", Arrays.stream(Stage.values()).map(Stage::wireName).toList())
                .status(status)
                .build();
    }
}
