package dev.cartage.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request whose {@code Accept} header cannot be parsed with a 406 problem, before anything else runs.
 * Spring would raise the same 406 but then could not write any body for it — writing an answer negotiates with the
 * very header that failed — so the client got an empty 406. Here the problem is written directly.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableAcceptFilter implements WebFilter {

    private final JsonMapper json;

    UnreadableAcceptFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> accept = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
        return readable(accept) ? chain.filter(exchange) : notAcceptable(exchange, String.join(", ", accept));
    }

    private static boolean readable(List<String> accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private Mono<Void> notAcceptable(ServerWebExchange exchange, String accept) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemWording.typeOf(HttpStatus.NOT_ACCEPTABLE).toString());
        problem.put("title", HttpStatus.NOT_ACCEPTABLE.getReasonPhrase());
        problem.put("status", HttpStatus.NOT_ACCEPTABLE.value());
        problem.put("detail", "the Accept header '" + ProblemWording.abbreviate(accept) + "' is not a list of media "
                + "types; send e.g. Accept: application/json, or no Accept header");
        problem.put("instance", exchange.getRequest().getPath().value());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.NOT_ACCEPTABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
