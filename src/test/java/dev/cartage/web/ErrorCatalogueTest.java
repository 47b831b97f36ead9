package dev.cartage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.deliver.Outcome;
import dev.cartage.run.RunStatus;
import dev.cartage.support.RunsApi;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every malformed request of {@link ErrorCatalogue}, sent over real HTTP, gets the right 4xx as an
 * {@code application/problem+json} with {@code type}, {@code title}, {@code status}, a {@code detail} about this
 * error, the field at fault, and no stack trace. Afterwards the service still runs a pile and renders a page, and
 * no answer of the whole class was a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErrorCatalogueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A Java class name such as {@code dev.cartage.web.Foo} or a {@code …Exception}: a leaked stack trace. */
    private static final String CLASS_NAME = "(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w+|\\w+Exception\\b";

    /** Every answer of this class, and how many were 5xx: the service never answers 500, whatever the request. */
    private static final AtomicInteger answers = new AtomicInteger();
    private static final AtomicInteger serverErrors = new AtomicInteger();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    record Answer(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static List<MalformedRequest> catalogue() {
        return ErrorCatalogue.all().toList();
    }

    @Test
    @Order(1)
    void theCatalogueHoldsAtLeastSixtyMalformedRequests() {
        assertThat(catalogue()).hasSizeGreaterThanOrEqualTo(60)
                .extracting(MalformedRequest::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    @Order(2)
    void aMalformedRequestGetsItsProblem(MalformedRequest request) {
        Answer answer = send(request);

        assertThat(answer.status()).as("status of %s, answer %s", request.name(), answer.text()).isEqualTo(request.status());
        assertThat(answer.contentType()).as("Content-Type").isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).startsWith("https://cartage.dev/problems/");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.path("detail").asString()).isNotBlank().containsIgnoringCase(request.word());
        if (request.field() != null) {
            assertThat(fields(problem)).as("errors[].field").contains(request.field());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    @Order(3)
    void noAnswerShowsAStackTraceOrEchoesAHugeValue(MalformedRequest request) {
        String text = send(request).text();

        assertThat(text).doesNotContain("at dev.cartage", "\tat ", "\"trace\"").doesNotContainPattern(CLASS_NAME);
        // the 4 MiB format, the 10,000-character URL and the 2 MiB inline come back abbreviated
        assertThat(text.length()).isLessThan(4 * ProblemWording.MAX_TEXT);
    }

    @Test
    @Order(4)
    void theServiceStillServesAfterEveryMalformedRequestAndNeverAnswered500() {
        catalogue().forEach(this::send);

        RunStatus started = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 20)))));
        List<Outcome> outcomes = runs().results(started.id());
        assertThat(outcomes).hasSize(20).allMatch(Outcome::ok);
        assertThat(runs().status(started.id()).status()).isEqualTo("completed");
        http.get().uri(uri -> uri.path("/api/render").queryParam("url", "http://127.0.0.1:" + port + "/pile/manuals/3").build())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/markdown;charset=UTF-8");

        assertThat(answers.get()).isGreaterThanOrEqualTo(catalogue().size());
        assertThat(serverErrors.get()).as("5xx answers to malformed requests").isZero();
    }

    /** Sends the request as written: with WebTestClient, or byte for byte with Reactor Netty when it is raw. */
    private Answer send(MalformedRequest request) {
        Answer answer = request.raw() ? sendRaw(request) : sendWithWebTestClient(request);
        answers.incrementAndGet();
        if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        return answer;
    }

    private Answer sendWithWebTestClient(MalformedRequest request) {
        WebTestClient.RequestBodySpec spec = http.method(request.method()).uri(request.path());
        request.headers().forEach(spec::header);
        if (request.contentType() != null) {
            spec.header(HttpHeaders.CONTENT_TYPE, request.contentType());
        }
        WebTestClient.ResponseSpec response = request.body() == null ? spec.exchange() : spec.bodyValue(request.body()).exchange();
        EntityExchangeResult<byte[]> result = response.expectBody(byte[].class).returnResult();
        byte[] body = result.getResponseBody() == null ? new byte[0] : result.getResponseBody();
        return new Answer(result.getStatus().value(), result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE), body);
    }

    private Answer sendRaw(MalformedRequest request) {
        return HttpClient.newConnection().host("127.0.0.1").port(port)
                .headers(headers -> {
                    request.headers().forEach(headers::set);
                    if (request.contentType() != null) {
                        headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
                    }
                    if (request.body() != null) {
                        headers.set(HttpHeaders.CONTENT_LENGTH, request.body().length);
                    }
                })
                .request(HttpMethod.valueOf(request.method().name()))
                .uri(request.path())
                .send((req, out) -> request.body() == null ? out : out.sendByteArray(Mono.just(request.body())))
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(body -> new Answer(response.status().code(),
                                response.responseHeaders().get(HttpHeaders.CONTENT_TYPE), body)))
                .block(Duration.ofSeconds(30));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private RunsApi runs() {
        return new RunsApi(http);
    }
}
