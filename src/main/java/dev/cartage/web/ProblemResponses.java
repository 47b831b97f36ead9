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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import dev.cartage.pipeline.ItemFailure;

/**
 * Turns every error a handler signals into an RFC 9457 problem response: {@code type}, {@code title},
 * {@code status}, a {@code detail} that says what to send instead, and {@code errors[{field, message}]} when a
 * field is at fault. Spring's own exceptions (bad media type, wrong method, unreadable body, unknown path) keep
 * their status and get our wording ({@link ProblemWording}); a body over the size limit is a 413. Anything
 * unexpected is logged with its stack trace and answered without one.
 *
 * <p>Every answer names {@code application/problem+json} itself rather than negotiating it with the request's
 * {@code Accept}: a client that sent an unparsable or unsatisfiable {@code Accept} still gets a readable problem,
 * not an empty 406.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidRequestException.class)
    Mono<ResponseEntity<ProblemDetail>> invalid(InvalidRequestException e) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors()));
    }

    @ExceptionHandler(FieldRejectedException.class)
    Mono<ResponseEntity<ProblemDetail>> rejectedField(FieldRejectedException e) {
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

    @ExceptionHandler(UnavailableException.class)
    Mono<ResponseEntity<ProblemDetail>> unavailable(UnavailableException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
        return Mono.just(ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(answer.getBody()));
    }

    @ExceptionHandler({DataBufferLimitException.class, ContentTooLargeException.class})
    Mono<ResponseEntity<ProblemDetail>> tooLarge(Exception e) {
        return Mono.just(problem(HttpStatus.CONTENT_TOO_LARGE,
                "the request body is larger than the service accepts (spring.http.codecs.max-in-memory-size); "
                        + "split the sources over several runs or stream them to /api/pipeline", List.of()));
    }

    /**
     * A one-off item that failed (docs/api.md, {@code GET /api/render}): the client's fault is a 4xx, an origin's a
     * 502/504. The error type is also given as {@code errorType} so that clients need not parse {@code detail}.
     */
    @ExceptionHandler(ItemFailedException.class)
    Mono<ResponseEntity<ProblemDetail>> itemFailed(ItemFailedException e) {
        ItemFailure failure = e.failure();
        ResponseEntity<ProblemDetail> answer = problem(e.status(), failure.message(), List.of());
        answer.getBody().setType(URI.create(ProblemWording.TYPE_BASE + failure.type().wireName()));
        answer.getBody().setProperty("errorType", failure.type().wireName());
        if (failure.httpStatus() != null) {
            answer.getBody().setProperty("originStatus", failure.httpStatus());
        }
        return Mono.just(answer);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e) {
        if (findCause(e, AbortedException.class) != null) {
            // the client closed its connection while we wrote to it (a fetch that timed out, say): there is nobody
            // to answer, and nothing went wrong in the service
            log.debug("the client went away while its answer was written: {}", e.toString());
            return Mono.empty();
        }
        log.error("unexpected error while handling a request", e);
        return Mono.just(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed unexpectedly; the error has been logged", List.of()));
    }

    /**
     * Unreadable bodies and bad parameters: a body over the limit is a 413; malformed JSON says where it broke; a
     * parameter of the wrong type or out of its limits is named as the field at fault.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (findCause(ex, DataBufferLimitException.class) != null) {
            return tooLarge(ex).map(ProblemResponses::widen);
        }
        List<FieldError> errors = new ArrayList<>();
        String detail = ProblemWording.inputProblem(ex, errors);
        return Mono.just(widen(problem(HttpStatus.BAD_REQUEST, detail, errors)));
    }

    /** Spring's other errors (405, 406, 415, unknown paths, missing parameters): our type, wording and media type. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
            @Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(ex, body, headers, status, exchange)
                .map(answer -> answer.getBody() instanceof ProblemDetail problem
                        ? finish(answer, ProblemWording.refine(problem, ex, exchange.getRequest()))
                        : answer);
    }

    private static ResponseEntity<Object> finish(ResponseEntity<Object> answer, ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.getHeaders());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, answer.getStatusCode());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ProblemWording.abbreviate(detail));
        body.setType(ProblemWording.typeOf(status));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors.stream()
                    .map(e -> new FieldError(e.field(), ProblemWording.abbreviate(e.message())))
                    .toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> answer) {
        return new ResponseEntity<>(answer.getBody(), answer.getHeaders(), answer.getStatusCode());
    }

    static <T extends Throwable> @Nullable T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
