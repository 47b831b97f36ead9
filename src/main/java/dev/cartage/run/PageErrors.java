package dev.cartage.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Errors of the {@link HtmlPages} controllers as pages: an unknown thing is the 404 page, anything unexpected a
 * 500 page that says only that it has been logged. Ordered first so that it, not the API's problem answers, speaks
 * for these controllers; the API's own errors stay {@code application/problem+json}.
 */
@ControllerAdvice(annotations = HtmlPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /** The 404 page ({@code templates/errors/not-found.html}) saying what was not found. */
    static Rendering notFound(String message) {
        return Rendering.view("errors/not-found")
                .modelAttribute("message", message)
                .status(HttpStatus.NOT_FOUND)
                .build();
    }

    /** The page for a failure of the service itself: no detail, which may name internals, reaches the page. */
    static Rendering failed(HttpStatusCode status) {
        return Rendering.view("errors/error")
                .modelAttribute("status", status.value())
                .status(status)
                .build();
    }

    @ExceptionHandler(ResponseStatusException.class)
    Mono<Rendering> statusError(ResponseStatusException e) {
        if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return Mono.fromSupplier(() -> notFound("There is no page at this address."));
        }
        if (e.getStatusCode().is4xxClientError()) {
            return Mono.fromSupplier(() -> Rendering.view("errors/error")
                    .modelAttribute("status", e.getStatusCode().value())
                    .modelAttribute("message", "The request was not understood: check the address and try again.")
                    .status(e.getStatusCode())
                    .build());
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    Mono<Rendering> unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AbortedException) {
                // the browser went away while its page was written: nobody to answer, nothing wrong here
                return Mono.empty();
            }
        }
        log.error("unexpected error while answering a page", e);
        return Mono.fromSupplier(() -> failed(HttpStatus.INTERNAL_SERVER_ERROR));
    }
}
