package dev.cartage.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One row of the error catalogue: a request the service must refuse, and how.
 *
 * @param name        what is wrong, as the test report shows it
 * @param method      the HTTP method
 * @param path        path and query, sent as written
 * @param contentType the Content-Type header, or null for none
 * @param body        the body's bytes, or null for none
 * @param headers     further request headers (Accept, a huge header…)
 * @param raw         sent with a plain Reactor Netty client, byte for byte, for what WebTestClient would correct
 *                    or refuse to send (an unparsable header, a stray {@code %}, a body without Content-Type)
 * @param status      the status expected
 * @param field       a field that {@code errors[].field} must name, or null when no field is at fault
 * @param word        a word (case-insensitive) the {@code detail} must contain, so the detail is about this error
 */
record MalformedRequest(String name, HttpMethod method, String path, String contentType, byte[] body,
                        Map<String, String> headers, boolean raw, int status, String field, String word) {

    /** A POST of a JSON body to {@code path}; single quotes in {@code json} become double quotes. */
    static MalformedRequest postJson(String name, String path, String json) {
        return new MalformedRequest(name, HttpMethod.POST, path, MediaType.APPLICATION_JSON_VALUE,
                json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), Map.of(), false, 400, null, null);
    }

    /** A POST of a run request to {@code /api/runs}; single quotes in {@code json} become double quotes. */
    static MalformedRequest run(String name, String json) {
        return postJson(name, "/api/runs", json);
    }

    /** A POST of exactly these bytes to {@code /api/runs} as JSON. */
    static MalformedRequest runBytes(String name, byte[] body) {
        return new MalformedRequest(name, HttpMethod.POST, "/api/runs", MediaType.APPLICATION_JSON_VALUE, body,
                Map.of(), false, 400, null, null);
    }

    /** A request without a body. */
    static MalformedRequest call(String name, HttpMethod method, String path) {
        return new MalformedRequest(name, method, path, null, null, Map.of(), false, 400, null, null);
    }

    /** Expects {@code status}, with {@code field} named in {@code errors} (null: none), {@code word} in the detail. */
    MalformedRequest expect(int status, String field, String word) {
        return new MalformedRequest(name, method, path, contentType, body, headers, raw, status, field, word);
    }

    MalformedRequest method(HttpMethod other) {
        return new MalformedRequest(name, other, path, contentType, body, headers, raw, status, field, word);
    }

    MalformedRequest contentType(String type) {
        return new MalformedRequest(name, method, path, type, body, headers, raw, status, field, word);
    }

    MalformedRequest header(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new MalformedRequest(name, method, path, contentType, body, Map.copyOf(more), raw, status, field, word);
    }

    MalformedRequest byteForByte() {
        return new MalformedRequest(name, method, path, contentType, body, headers, true, status, field, word);
    }

    @Override
    public String toString() {
        return name + " → " + status;
    }
}
