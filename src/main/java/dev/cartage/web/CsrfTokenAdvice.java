package dev.cartage.web;

import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Hands the pages' templates their CSRF token. In WebFlux the token is a {@code Mono} the CSRF filter leaves on the
 * exchange; resolving it here, as the model's {@code _csrf}, also puts it where Thymeleaf's {@code th:action} finds
 * it, so every page form gets its hidden {@code _csrf} field. Requests outside the pages' security (the API) carry
 * no token and get none.
 */
@ControllerAdvice
class CsrfTokenAdvice {

    @ModelAttribute(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME)
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.empty();
        }
        return token.doOnSuccess(resolved -> exchange.getAttributes()
                .put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved));
    }
}
