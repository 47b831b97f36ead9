package dev.cartage.run;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

/**
 * The 404 page for any address under the page paths that no page serves ({@code /runs/…}, {@code /read/…}): the
 * most general mapping there, so every page's own mapping wins over it. Without it such an address would be
 * answered as the API answers, with a problem document, which a browser shows as raw JSON.
 */
@Controller
@HtmlPages
@Hidden
class UnknownPages {

    @GetMapping({"/runs/**", "/read/**"})
    Mono<Rendering> unknown() {
        return Mono.fromSupplier(() -> PageErrors.notFound("There is no page at this address."));
    }
}
