package dev.cartage.web;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The words of a problem answer for errors Spring raises before a handler runs. Spring's own details ("Type
 * mismatch.", "Could not parse Content-Type.", "No static resource api/x.") say what broke in Spring's terms; a
 * client needs what it sent, what would be accepted, and which field was at fault.
 *
 * <p>Also the two rules every problem follows: its {@code type} is a {@code https://cartage.dev/problems/…} URI
 * (never {@code about:blank}), and a value echoed into a message is abbreviated, so that a 4 MiB field cannot come
 * back as a 4 MiB error.
 */
final class ProblemWording {

    static final String TYPE_BASE = "https://cartage.dev/problems/";

    /** Longer details and messages keep their head and their tail (where the "use … instead" usually is). */
    static final int MAX_TEXT = 1_000;

    private static final URI INVALID = URI.create(TYPE_BASE + "invalid-request");
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)");
    private static final String EXAMPLE = "{\"sources\": [\"https://example.org/a\"]}";

    private ProblemWording() {
    }

    /** The problem type of a status: {@code invalid-request} for 400, else the status's name, e.g. {@code not-found}. */
    static URI typeOf(HttpStatusCode status) {
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return INVALID;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String name = known == null ? "status-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return URI.create(TYPE_BASE + name);
    }

    /** {@code text} cut in the middle when longer than {@link #MAX_TEXT}, saying how much was left out. */
    static String abbreviate(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int keep = MAX_TEXT / 2;
        return text.substring(0, keep) + " […" + (text.length() - 2 * keep) + " characters left out…] "
                + text.substring(text.length() - keep);
    }

    /** The detail of a 400 for an unreadable body or a bad parameter; adds the field at fault when there is one. */
    static String inputProblem(ServerWebInputException ex, List<FieldError> errors) {
        FieldRejectedException rejected = ProblemResponses.findCause(ex, FieldRejectedException.class);
        if (rejected != null) {
            errors.add(new FieldError(rejected.field(), rejected.getMessage()));
            return rejected.getMessage();
        }
        TypeMismatchException mismatch = ProblemResponses.findCause(ex, TypeMismatchException.class);
        if (mismatch != null && ex.getMethodParameter() != null) {
            return typeMismatch(ex.getMethodParameter(), mismatch, errors);
        }
        JacksonException json = ProblemResponses.findCause(ex, JacksonException.class);
        if (json != null) {
            if (json instanceof DatabindException bind && !bind.getPath().isEmpty()) {
                errors.add(new FieldError(path(bind), json.getOriginalMessage()));
            }
            return "the request body is not valid JSON: " + jsonMessage(json);
        }
        if (ex.getReason() != null && ex.getReason().startsWith("No request body")) {
            return "the request body is empty; send a JSON run request such as " + EXAMPLE;
        }
        return ex.getReason() == null ? "the request cannot be read" : ex.getReason();
    }

    /** Spring's problem for its own exception, with our type, a detail that helps, and the field when known. */
    static ProblemDetail refine(ProblemDetail problem, Exception ex, ServerHttpRequest request) {
        problem.setType(typeOf(HttpStatusCode.valueOf(problem.getStatus())));
        String detail = detail(ex, request);
        if (detail != null) {
            problem.setDetail(detail);
        } else if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem.setDetail("the request cannot be answered: " + problem.getTitle());
        }
        problem.setDetail(abbreviate(problem.getDetail()));
        if (ex instanceof MissingRequestValueException missing) {
            problem.setProperty("errors", List.of(new FieldError(missing.getName(), problem.getDetail())));
        }
        return problem;
    }

    private static String detail(Exception ex, ServerHttpRequest request) {
        if (ex instanceof MethodNotAllowedException method) {
            return method.getHttpMethod() + " is not allowed on " + request.getPath().value() + "; it takes "
                    + method.getSupportedMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (ex instanceof NotAcceptableStatusException accept) {
            return notAcceptable(accept, request);
        }
        if (ex instanceof UnsupportedMediaTypeStatusException media) {
            return unsupportedMediaType(media, request);
        }
        if (ex instanceof NoResourceFoundException) {
            return "nothing is served at " + request.getMethod() + " " + request.getPath().value()
                    + "; the API's endpoints are listed at /v3/api-docs (and shown at /swagger-ui.html)";
        }
        return null;
    }

    private static String notAcceptable(NotAcceptableStatusException ex, ServerHttpRequest request) {
        String accept = String.join(", ", request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT));
        if (ex.getSupportedMediaTypes().isEmpty()) {
            return "the Accept header '" + abbreviate(accept) + "' is not a list of media types; send e.g. "
                    + "Accept: application/json, or no Accept header";
        }
        return request.getPath().value() + " answers " + mediaTypes(ex.getSupportedMediaTypes())
                + ", which the Accept header '" + abbreviate(accept) + "' does not allow";
    }

    private static String unsupportedMediaType(UnsupportedMediaTypeStatusException ex, ServerHttpRequest request) {
        String sent = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        String wanted = ex.getSupportedMediaTypes().isEmpty() ? "application/json"
                : mediaTypes(ex.getSupportedMediaTypes());
        if (sent == null || sent.isBlank()) {
            return "the request has no Content-Type header; send the body as " + wanted;
        }
        if (ex.getContentType() == null) {
            return "the Content-Type header '" + abbreviate(sent) + "' is not a media type; send the body as " + wanted;
        }
        return "a body of type " + ex.getContentType() + " is not accepted here; send it as " + wanted;
    }

    private static String typeMismatch(MethodParameter parameter, TypeMismatchException ex, List<FieldError> errors) {
        String name = parameter.getParameterName() == null ? "parameter" : parameter.getParameterName();
        String kind = parameter.hasParameterAnnotation(PathVariable.class) ? "path segment" : "query parameter";
        Class<?> type = ex.getRequiredType();
        String wanted = type == int.class || type == long.class || type == Integer.class || type == Long.class
                ? "a whole number" : "a " + (type == null ? "value of another type" : type.getSimpleName());
        String message = "must be " + wanted + ", was '" + abbreviate(String.valueOf(ex.getValue())) + "'";
        errors.add(new FieldError(name, message));
        return "the " + kind + " '" + name + "' " + message;
    }

    private static String jsonMessage(JacksonException json) {
        String message = JACKSON_SOURCE.matcher(String.valueOf(json.getOriginalMessage())).replaceAll("");
        if (json.getLocation() != null && json.getLocation().getLineNr() > 0) {
            message += " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        }
        return message;
    }

    /** Sorted, because Spring hands the supported types over in a set's order and the same request must read the same. */
    private static String mediaTypes(Collection<MediaType> types) {
        return types.stream().map(MediaType::toString).distinct().sorted().collect(Collectors.joining(" or "));
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
}
