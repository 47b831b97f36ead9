package dev.cartage.web;

import static dev.cartage.web.MalformedRequest.call;
import static dev.cartage.web.MalformedRequest.postJson;
import static dev.cartage.web.MalformedRequest.run;
import static dev.cartage.web.MalformedRequest.runBytes;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;

/**
 * The malformed requests the service must refuse, grouped by what is wrong, each with the answer docs/api.md asks for. A group is
 * one method, so a new endpoint adds its own group ({@link #pipeline()}) and lists it in {@link #all()}.
 */
final class ErrorCatalogue {

    /** The default JSON body cap (spring.http.codecs.max-in-memory-size = 4MB). */
    static final int BODY_LIMIT = 4 * 1024 * 1024;

    private static final String URL = "'https://example.org/a'";

    private ErrorCatalogue() {
    }

    static Stream<MalformedRequest> all() {
        return Stream.of(badJson(), mediaTypes(), sizes(), enums(), numbers(), durations(), sources(), urls(),
                unknownFields(), inlineAndMirrors(), render(), pile(), unknownIds(), methodsAndPaths(), pipeline())
                .flatMap(group -> group);
    }

    static Stream<MalformedRequest> badJson() {
        return Stream.of(
                run("truncated JSON", "{'sources': [").expect(400, null, "JSON"),
                run("trailing garbage", "{'sources': [" + URL + "]} garbage").expect(400, null, "JSON"),
                run("a property given twice", "{'sources': [" + URL + "], 'sources': ['https://example.org/b']}")
                        .expect(400, null, "duplicate"),
                run("a JSON string, not an object", URL).expect(400, "body", "object"),
                run("a JSON array, not an object", "[" + URL + "]").expect(400, "body", "object"),
                run("JSON null", "null").expect(400, "body", "object"),
                run("a JSON number", "42").expect(400, "body", "object"),
                run("an empty body", "").expect(400, null, "empty"),
                runBytes("bytes that are not UTF-8", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'})
                        .expect(400, null, "UTF-8"),
                runBytes("gzip bytes sent as JSON", new byte[] {0x1f, (byte) 0x8b, 8, 0, 'x'}).expect(400, null, "JSON"));
    }

    static Stream<MalformedRequest> mediaTypes() {
        String body = "{'sources': [" + URL + "]}";
        return Stream.of(
                run("text/plain body", body).contentType("text/plain").expect(415, null, "application/json"),
                run("XML body", body).contentType("application/xml").expect(415, null, "application/json"),
                run("NDJSON body on /api/runs", URL).contentType("application/x-ndjson").expect(415, null, "application/json"),
                run("no Content-Type", body).contentType(null).byteForByte().expect(415, null, "Content-Type"),
                run("an unparsable Content-Type", body).contentType("json").byteForByte().expect(415, null, "not a media type"),
                run("Accept: text/html on POST /api/runs", body).header("Accept", "text/html").expect(406, null, "application/json"),
                call("Accept: image/png on GET /api/runs", HttpMethod.GET, "/api/runs").header("Accept", "image/png")
                        .expect(406, null, "application/json"),
                call("Accept: JSON on events", HttpMethod.GET, "/api/runs/r-nope/events").header("Accept", "application/json")
                        .expect(406, null, "text/event-stream"),
                call("Accept: text/html on results", HttpMethod.GET, "/api/runs/r-nope/results").header("Accept", "text/html")
                        .expect(406, null, "application/x-ndjson"),
                run("an unparsable Accept", body).header("Accept", ";;;").byteForByte().expect(406, null, "Accept"),
                call("headers over 8 KiB", HttpMethod.GET, "/api/runs").header("X-Padding", "x".repeat(10_000))
                        .expect(431, null, "headers"));
    }

    static Stream<MalformedRequest> sizes() {
        return Stream.of(
                runBytes("a body of 4 MiB + 1 byte", runRequestOfSize(BODY_LIMIT + 1)).expect(413, null, "larger"),
                // the boundary: exactly 4 MiB is read, and refused only for its (huge, abbreviated) format
                runBytes("a body of exactly 4 MiB", runRequestOfSize(BODY_LIMIT)).expect(400, "format", "unknown format"));
    }

    static Stream<MalformedRequest> enums() {
        return Stream.of(
                run("format pdf", "{'sources': [" + URL + "], 'format': 'pdf'}").expect(400, "format", "markdown"),
                run("format in another case", "{'sources': [" + URL + "], 'format': 'Markdown'}").expect(400, "format", "markdown"),
                run("format a number", "{'sources': [" + URL + "], 'format': 7}").expect(400, "format", "markdown"),
                run("overflow spill", stage("fetch", "'overflow': 'spill'")).expect(400, "stages.fetch.overflow", "backpressure"),
                run("balance fastest", mirrored("'balance': 'fastest'")).expect(400, "sources[0].balance", "round-robin"),
                run("balance a number", mirrored("'balance': 7")).expect(400, "sources[0].balance", "first-response"),
                run("deliver.to moon", "{'sources': [" + URL + "], 'deliver': {'to': 'moon'}}").expect(400, "deliver.to", "store"),
                run("deliver a string", "{'sources': [" + URL + "], 'deliver': 'store'}").expect(400, "deliver.to", "object"),
                run("deliver without to", "{'sources': [" + URL + "], 'deliver': {}}").expect(400, "deliver.to", "store"));
    }

    static Stream<MalformedRequest> numbers() {
        return Stream.of(
                run("parallelism -1", stage("fetch", "'parallelism': -1")).expect(400, "stages.fetch.parallelism", "1024"),
                run("parallelism 0", stage("fetch", "'parallelism': 0")).expect(400, "stages.fetch.parallelism", "1024"),
                run("parallelism 1025", stage("marshal", "'parallelism': 1025")).expect(400, "stages.marshal.parallelism", "1024"),
                run("parallelism huge", stage("fetch", "'parallelism': 99999999999999999999")).expect(400, "stages.fetch.parallelism", "1024"),
                run("parallelism fractional", stage("render", "'parallelism': 1.5")).expect(400, "stages.render.parallelism", "whole number"),
                run("parallelism a string", stage("deliver", "'parallelism': '8'")).expect(400, "stages.deliver.parallelism", "whole number"),
                run("buffer -1", stage("render", "'buffer': -1")).expect(400, "stages.render.buffer", "65536"),
                run("buffer 65537", stage("deliver", "'buffer': 65537")).expect(400, "stages.deliver.buffer", "65536"),
                run("buffer 1e400", stage("fetch", "'buffer': 1e400")).expect(400, "stages.fetch.buffer", "65536"),
                run("buffer fractional", stage("fetch", "'buffer': 2.5")).expect(400, "stages.fetch.buffer", "whole number"),
                run("buffer a string", stage("marshal", "'buffer': '32'")).expect(400, "stages.marshal.buffer", "whole number"),
                run("retries -1", stage("fetch", "'retries': -1")).expect(400, "stages.fetch.retries", "0 to 10"),
                run("retries 11", stage("fetch", "'retries': 11")).expect(400, "stages.fetch.retries", "0 to 10"),
                run("retries huge", stage("fetch", "'retries': 1e9")).expect(400, "stages.fetch.retries", "0 to 10"),
                run("retries a string", stage("fetch", "'retries': 'two'")).expect(400, "stages.fetch.retries", "whole number"),
                run("pile.count -1", pile("'count': -1")).expect(400, "sources[0].pile.count", "count"),
                run("pile.count 100001", pile("'count': 100001")).expect(400, "sources[0].pile.count", "100000"),
                run("pile.count huge", pile("'count': 99999999999999999999")).expect(400, "sources[0].pile.count", "whole number"),
                run("pile.count fractional", pile("'count': 1.5")).expect(400, "sources[0].pile.count", "whole number"),
                run("pile.count a string", pile("'count': 'ten'")).expect(400, "sources[0].pile.count", "whole number"),
                run("pile.failEvery -3", pile("'failEvery': -3")).expect(400, "sources[0].pile.failEvery", "failEvery"),
                run("sitemap limit 0", "{'sources': [{'sitemap': 'https://a.org/s.xml', 'limit': 0}]}").expect(400, "sources[0].limit", "50000"),
                run("sitemap limit -5", "{'sources': [{'sitemap': 'https://a.org/s.xml', 'limit': -5}]}").expect(400, "sources[0].limit", "50000"),
                run("feed limit 50001", "{'sources': [{'feed': 'https://a.org/f.xml', 'limit': 50001}]}").expect(400, "sources[0].limit", "50000"),
                run("feed limit a string", "{'sources': [{'feed': 'https://a.org/f.xml', 'limit': 'ten'}]}").expect(400, "sources[0].limit", "whole number"));
    }

    static Stream<MalformedRequest> durations() {
        return Stream.of(
                run("timeout -1s", stage("fetch", "'timeout': '-1s'")).expect(400, "stages.fetch.timeout", "more than 0"),
                run("timeout 10 parsecs", stage("fetch", "'timeout': '10 parsecs'")).expect(400, "stages.fetch.timeout", "duration"),
                run("timeout 0ms", stage("marshal", "'timeout': '0ms'")).expect(400, "stages.marshal.timeout", "more than 0"),
                run("timeout a number", stage("fetch", "'timeout': 5")).expect(400, "stages.fetch.timeout", "250ms"),
                run("timeout over the limit", stage("fetch", "'timeout': '11m'")).expect(400, "stages.fetch.timeout", "max-timeout"),
                run("hedgeAfter not a duration", mirrored("'hedgeAfter': 'soon'")).expect(400, "sources[0].hedgeAfter", "duration"),
                run("pile latency soon", pile("'latency': 'soon'")).expect(400, "sources[0].pile.latency", "duration"),
                run("pile latency -5ms", pile("'latency': '-5ms'")).expect(400, "sources[0].pile.latency", "negative"));
    }

    static Stream<MalformedRequest> sources() {
        String many = String.join(",", Collections.nCopies(1001, URL));
        return Stream.of(
                run("1,001 sources", "{'sources': [" + many + "]}").expect(400, "sources", "1000"),
                run("no sources", "{}").expect(400, "sources", "required"),
                run("empty sources", "{'sources': []}").expect(400, "sources", "empty"),
                run("sources not an array", "{'sources': " + URL + "}").expect(400, "sources", "array"),
                run("a number as source", "{'sources': [42]}").expect(400, "sources[0]", "URL"),
                run("two forms in one source", "{'sources': [{'sitemap': 'https://a.org/s', 'feed': 'https://a.org/f'}]}")
                        .expect(400, "sources[0]", "exactly one"));
    }

    static Stream<MalformedRequest> urls() {
        return Stream.of(
                run("a relative URL", "{'sources': ['/a/b']}").expect(400, "sources[0]", "absolute"),
                run("a javascript: URL", "{'sources': ['javascript:alert(1)']}").expect(400, "sources[0]", "http"),
                run("a file: URL", "{'sources': ['file:///etc/passwd']}").expect(400, "sources[0]", "http"),
                run("an ftp URL", "{'sources': [" + URL + ", 'ftp://example.org/x']}").expect(400, "sources[1]", "http"),
                run("a URL with a space", "{'sources': ['https://example.org/a b']}").expect(400, "sources[0]", "not a valid URL"),
                run("an empty URL", "{'sources': ['']}").expect(400, "sources[0]", "absolute"),
                run("a URL of 10,000 characters", "{'sources': ['https://example.org/" + "x".repeat(10_000) + "']}")
                        .expect(400, "sources[0]", "8192"),
                run("a URL without host", "{'sources': ['http:///x']}").expect(400, "sources[0]", "host"),
                run("a port over 65535", "{'sources': ['https://example.org:99999/']}").expect(400, "sources[0]", "65535"),
                run("a sitemap at a file: URL", "{'sources': [{'sitemap': 'file:///etc/s.xml'}]}").expect(400, "sources[0].sitemap", "http"));
    }

    static Stream<MalformedRequest> unknownFields() {
        return Stream.of(
                run("ordered a string", "{'sources': [" + URL + "], 'ordered': 'yes'}").expect(400, "ordered", "true or false"),
                run("stages not an object", "{'sources': [" + URL + "], 'stages': [1]}").expect(400, "stages", "object"),
                run("a stage that is an array", "{'sources': [" + URL + "], 'stages': {'fetch': []}}").expect(400, "stages.fetch", "object"),
                run("an unknown top-level field", "{'sources': [" + URL + "], 'speed': 11}").expect(400, "speed", "unknown field"),
                run("a misspelt stage setting", stage("fetch", "'paralelism': 4")).expect(400, "stages.fetch.paralelism", "unknown field"),
                run("an unknown stage", "{'sources': [" + URL + "], 'stages': {'burn': {}}}").expect(400, "stages.burn", "unknown field"),
                run("an unknown pile field", pile("'size': 1")).expect(400, "sources[0].pile.size", "unknown field"),
                run("an unknown url-object field", "{'sources': [{'url': 'https://a.org', 'weight': 2}]}").expect(400, "sources[0].weight", "unknown field"),
                run("a setting store does not have", "{'sources': [" + URL + "], 'deliver': {'to': 'store', 'url': 'https://x.org'}}")
                        .expect(400, "deliver.url", "store"));
    }

    static Stream<MalformedRequest> inlineAndMirrors() {
        String big = "x".repeat(2 * 1024 * 1024 + 1);
        String mirrors = IntStream.range(0, 17).mapToObj(i -> "'https://m" + i + ".example.org/a'").collect(Collectors.joining(","));
        return Stream.of(
                run("an inline document over 2 MiB", "{'sources': [{'inline': '" + big + "', 'type': 'text/html'}]}")
                        .expect(400, "sources[0].inline", "max-inline-size"),
                run("an inline type image/png", "{'sources': [{'inline': 'x', 'type': 'image/png'}]}").expect(400, "sources[0].type", "text/html"),
                run("an inline without type", "{'sources': [{'inline': '<p>x</p>'}]}").expect(400, "sources[0].type", "required"),
                run("17 mirrors", "{'sources': [{'url': 'https://a.org', 'mirrors': [" + mirrors + "]}]}").expect(400, "sources[0].mirrors", "16"),
                run("mirrors not an array", "{'sources': [{'url': 'https://a.org', 'mirrors': 'https://b.org'}]}").expect(400, "sources[0].mirrors", "array"),
                run("a relative mirror", "{'sources': [{'url': 'https://a.org', 'mirrors': ['b']}]}").expect(400, "sources[0].mirrors[0]", "absolute"));
    }

    static Stream<MalformedRequest> render() {
        return Stream.of(
                call("render: format pdf", HttpMethod.GET, "/api/render?url=https://example.org/a&format=pdf").expect(400, "format", "markdown"),
                call("render: no url", HttpMethod.GET, "/api/render?format=markdown").expect(400, "url", "url="),
                call("render: a relative url", HttpMethod.GET, "/api/render?url=/a/b").expect(400, "url", "absolute"),
                call("render: a javascript: url", HttpMethod.GET, "/api/render?url=javascript:alert(1)").expect(400, "url", "http"),
                call("render: a file: url", HttpMethod.GET, "/api/render?url=file:///etc/passwd").expect(400, "url", "http"),
                call("render: a url of 10,000 characters", HttpMethod.GET, "/api/render?url=https://example.org/" + "x".repeat(10_000))
                        .expect(414, null, "request line"),
                call("render: a stray percent sign", HttpMethod.GET, "/api/render?url=https://example.org/%zz").byteForByte()
                        .expect(400, null, "percent"));
    }

    static Stream<MalformedRequest> pile() {
        return Stream.of(
                call("pile: count=-1", HttpMethod.GET, "/pile?count=-1").expect(400, "count", "0 or more"),
                call("pile: latency=abc", HttpMethod.GET, "/pile?latency=abc").expect(400, "latency", "duration"),
                call("pile: count=abc", HttpMethod.GET, "/pile?count=abc").expect(400, "count", "whole number"),
                call("pile: count over the limit", HttpMethod.GET, "/pile/sitemap.xml?count=100001").expect(400, "count", "100000"),
                call("pile: failEvery=-2", HttpMethod.GET, "/pile/feed.xml?failEvery=-2").expect(400, "failEvery", "failEvery"),
                call("pile: page -1", HttpMethod.GET, "/pile/manuals/-1").expect(400, "n", "start at 0"),
                call("pile: page x", HttpMethod.GET, "/pile/manuals/x").expect(400, "n", "whole number"),
                call("pile: latency 2h", HttpMethod.GET, "/pile/manuals/3?latency=2h").expect(400, "latency", "max-latency"));
    }

    static Stream<MalformedRequest> unknownIds() {
        return Stream.of(
                call("unknown run", HttpMethod.GET, "/api/runs/r-nope").expect(404, null, "r-nope"),
                call("unknown run's results", HttpMethod.GET, "/api/runs/r-nope/results").expect(404, null, "r-nope"),
                call("unknown run's results as SSE", HttpMethod.GET, "/api/runs/r-nope/results").header("Accept", "text/event-stream")
                        .expect(404, null, "r-nope"),
                call("unknown run's events", HttpMethod.GET, "/api/runs/r-nope/events").expect(404, null, "r-nope"),
                call("cancel an unknown run", HttpMethod.DELETE, "/api/runs/r-nope").expect(404, null, "r-nope"));
    }

    static Stream<MalformedRequest> methodsAndPaths() {
        return Stream.of(
                postJson("PUT /api/runs", "/api/runs", "{}").method(HttpMethod.PUT).expect(405, null, "GET, POST"),
                call("DELETE /api/render", HttpMethod.DELETE, "/api/render").expect(405, null, "GET"),
                postJson("POST /api/runs/{id}", "/api/runs/r-1", "{}").expect(405, null, "DELETE, GET"),
                postJson("PATCH /api/runs/{id}", "/api/runs/r-1", "{}").method(HttpMethod.PATCH).expect(405, null, "DELETE, GET"),
                postJson("POST /api/runs/{id}/results", "/api/runs/r-1/results", "{}").expect(405, null, "GET"),
                call("an unknown path under /api", HttpMethod.GET, "/api/nope").expect(404, null, "/v3/api-docs"),
                call("an unknown path under a run", HttpMethod.GET, "/api/runs/r-nope/nope").expect(404, null, "/v3/api-docs"),
                call("POST to an unknown path", HttpMethod.POST, "/api/render/x").expect(404, null, "/v3/api-docs"));
    }

    /**
     * {@code POST /api/pipeline} (the lead's, in progress): its rows go here — a JSON body as for /api/runs, an
     * NDJSON body with bad lines, bad {@code format}/{@code ordered}/{@code {stage}.{setting}} query parameters.
     */
    static Stream<MalformedRequest> pipeline() {
        String body = "{'sources': [" + URL + "]}";
        return Stream.of(
                postJson("pipeline: truncated JSON", "/api/pipeline", "{'sources': [").expect(400, null, "JSON"),
                postJson("pipeline: no sources", "/api/pipeline", "{'format': 'text'}").expect(400, "sources", "required"),
                postJson("pipeline: a deliver target", "/api/pipeline",
                        "{'sources': [" + URL + "], 'deliver': {'to': 'store'}}").expect(400, "deliver", "response"),
                postJson("pipeline: query parameters with a JSON body", "/api/pipeline?format=text", body)
                        .expect(400, "format", "NDJSON"),
                postJson("pipeline: fetch.parallelism 0 in the body", "/api/pipeline",
                        "{'sources': [" + URL + "], 'stages': {'fetch': {'parallelism': 0}}}")
                        .expect(400, "stages.fetch.parallelism", "1"),
                ndjson("pipeline: unknown format", "/api/pipeline?format=pdf").expect(400, "format", "markdown"),
                ndjson("pipeline: parallelism 0", "/api/pipeline?fetch.parallelism=0").expect(400, "fetch.parallelism", "1"),
                ndjson("pipeline: parallelism not a number", "/api/pipeline?marshal.parallelism=many")
                        .expect(400, "marshal.parallelism", "whole number"),
                ndjson("pipeline: a huge buffer", "/api/pipeline?render.buffer=99999999999").expect(400, "render.buffer", "65536"),
                ndjson("pipeline: a negative buffer", "/api/pipeline?deliver.buffer=-1").expect(400, "deliver.buffer", "0"),
                ndjson("pipeline: a bad timeout", "/api/pipeline?fetch.timeout=forever").expect(400, "fetch.timeout", "duration"),
                ndjson("pipeline: a bad overflow", "/api/pipeline?render.overflow=spill").expect(400, "render.overflow", "backpressure"),
                ndjson("pipeline: ordered not a boolean", "/api/pipeline?ordered=maybe").expect(400, "ordered", "true or false"),
                ndjson("pipeline: an unknown parameter", "/api/pipeline?speed=11").expect(400, "speed", "unknown"),
                ndjson("pipeline: an unknown stage setting", "/api/pipeline?fetch.colour=blue").expect(400, "fetch.colour", "unknown"),
                ndjson("pipeline: a parameter given twice", "/api/pipeline?format=text&format=json").expect(400, "format", "once"),
                ndjson("pipeline: text/plain body", "/api/pipeline").contentType("text/plain").expect(415, null, "application/x-ndjson"),
                ndjson("pipeline: Accept text/html", "/api/pipeline").header("Accept", "text/html")
                        .expect(406, null, "application/x-ndjson"),
                call("pipeline: GET", HttpMethod.GET, "/api/pipeline").expect(405, null, "POST"));
    }

    /** A POST of one NDJSON source line to {@code path}. */
    private static MalformedRequest ndjson(String name, String path) {
        return postJson(name, path, URL + "\n").contentType("application/x-ndjson");
    }

    /** A syntactically valid run request of exactly {@code size} bytes, padded inside its (bad) format name. */
    static byte[] runRequestOfSize(int size) {
        String head = "{\"sources\": [\"https://example.org/a\"], \"format\": \"";
        String tail = "\"}";
        return (head + "f".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    private static String stage(String stage, String setting) {
        return "{'sources': [" + URL + "], 'stages': {'" + stage + "': {" + setting + "}}}";
    }

    private static String pile(String settings) {
        return "{'sources': [{'pile': {" + settings + "}}]}";
    }

    private static String mirrored(String setting) {
        return "{'sources': [{'url': 'https://a.org', 'mirrors': ['https://b.org'], " + setting + "}]}";
    }
}
