package dev.cartage.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import dev.cartage.pile.PileQueryException;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemFailure;

/**
 * Turns every error a handler signals into an RFC 9457 problem response. Spring's own exceptions (bad media type,
 * wrong method, unreadable body) keep their status; ours carry field errors; a body over the size limit is a 413.
 * Anything unexpected is logged with its stack trace and answered without one.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final URI INVALID = URI.create("https://cartage.dev/problems/invalid-request");

    @ExceptionHandler(InvalidRequestException.class)
    Mono<ResponseEntity<ProblemDetail>> invalid(InvalidRequestException e) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors()));
    }

    @ExceptionHandler(PileQueryException.class)
    Mono<ResponseEntity<ProblemDetail>> invalidPile(PileQueryException e) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(NotFoundException.class)
    Mono<ResponseEntity<ProblemDetail>> notFound(NotFoundException e) {
        return Mono.just(problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of()));
    }

    @ExceptionHandler(ConflictException.class)
    Mono<ResponseEntity<ProblemDetail>> conflict(ConflictException e) {
        return Mono.just(problem(HttpStatus.CONFLICT, e.getMessage(), List.of()));
    }

    @ExceptionHandler({DataBufferLimitException.class, ContentTooLargeException.class})
    Mono<ResponseEntity<ProblemDetail>> tooLarge(Exception e) {
        return Mono.just(problem(HttpStatus.CONTENT_TOO_LARGE,
                "the request body is larger than the service accepts (spring.http.codecs.max-in-memory-size); "
                        + "split the sources over several runs or stream them to /api/pipeline", List.of()));
    }

    /**
     * A one-off item that failed (API.md, {@code GET /api/render}): the client's fault is a 4xx, an origin's a
     * 502/504. The error type is also given as {@code errorType} so that clients need not parse {@code detail}.
     */
    @ExceptionHandler(ItemFailedException.class)
    Mono<ResponseEntity<ProblemDetail>> itemFailed(ItemFailedException e) {
        ItemFailure failure = e.failure();
        ResponseEntity<ProblemDetail> answer = problem(statusOf(failure.type()), failure.message(), List.of());
        answer.getBody().setType(URI.create("https://cartage.dev/problems/" + failure.type().wireName()));
        answer.getBody().setProperty("errorType", failure.type().wireName());
        if (failure.httpStatus() != null) {
            answer.getBody().setProperty("originStatus", failure.httpStatus());
        }
        return Mono.just(answer);
    }

    static HttpStatus statusOf(FailureType type) {
        switch (type) {
            case INVALID_URL:
                return HttpStatus.BAD_REQUEST;
            case BLOCKED:
            case ROBOTS:
                return HttpStatus.FORBIDDEN;
            case UNSUPPORTED_TYPE:
            case PARSE:
                return HttpStatus.UNPROCESSABLE_CONTENT;
            case TIMEOUT:
                return HttpStatus.GATEWAY_TIMEOUT;
            case HTTP_STATUS:
            case CONNECTION:
            case TOO_LARGE:
                return HttpStatus.BAD_GATEWAY;
            case DROPPED:
                return HttpStatus.SERVICE_UNAVAILABLE;
            default:
                return HttpStatus.INTERNAL_SERVER_ERROR;
        }
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e) {
        log.error("unexpected error while handling a request", e);
        return Mono.just(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed unexpectedly; the error has been logged", List.of()));
    }

    /** Unreadable bodies: name the JSON field that was wrong when Jackson tells us which. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        DataBufferLimitException limit = findCause(ex, DataBufferLimitException.class);
        if (limit != null) {
            return tooLarge(limit).map(r -> ResponseEntity.status(r.getStatusCode()).body(r.getBody()));
        }
        JacksonException json = findCause(ex, JacksonException.class);
        String detail = json == null ? ex.getReason() : "the request body is not valid JSON for this endpoint: "
                + json.getOriginalMessage();
        List<FieldError> errors = new ArrayList<>();
        if (json instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            errors.add(new FieldError(path(bind), json.getOriginalMessage()));
        }
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, detail, errors);
        return Mono.just(ResponseEntity.status(answer.getStatusCode()).body(answer.getBody()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (status == HttpStatus.BAD_REQUEST) {
            body.setType(INVALID);
        }
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
