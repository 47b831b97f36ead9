package dev.cartage.fetch.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchCacheProperties;
import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.Fetched;
import dev.cartage.fetch.TestFetchers;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Conditional GET against a local origin that counts full answers and 304s. */
class ConditionalGetTest {

    private static final FetchProperties FETCH = new FetchProperties("Cartage/0.1 (+https://cartage.dev)",
            Duration.ofSeconds(2), DataSize.ofMegabytes(1), 5, 500);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger full = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicReference<String> version = new AtomicReference<>("v1");
    private RecordingOrigin origin;
    private TestFetchers.Built built;

    @AfterEach
    void stop() {
        built.close();
        origin.close();
    }

    @Test
    void aRepeatFetchSendsTheETagAndReusesTheKeptPageOn304() {
        start(FetchCacheProperties.defaults(), this::withETag);

        Fetched first = fetch("/page");
        Fetched second = fetch("/page");

        assertThat(full).hasValue(1);
        assertThat(notModified).hasValue(1);
        assertThat(origin.hits("/page").get(1).headers().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.status()).as("the kept page keeps its own status").isEqualTo(200);
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(text(second)).isEqualTo("<p>v1</p>");
        assertThat(meters.counter("cartage.fetch.cache.revalidations", "outcome", "not-modified").count()).isEqualTo(1);
    }

    @Test
    void aChangedPageReplacesTheKeptOne() {
        start(FetchCacheProperties.defaults(), this::withETag);

        fetch("/page");
        version.set("v2");
        Fetched changed = fetch("/page");
        Fetched again = fetch("/page");

        assertThat(text(changed)).isEqualTo("<p>v2</p>");
        assertThat(text(again)).isEqualTo("<p>v2</p>");
        assertThat(full).hasValue(2);
        assertThat(notModified).hasValue(1);
        assertThat(meters.counter("cartage.fetch.cache.revalidations", "outcome", "changed").count()).isEqualTo(1);
    }

    @Test
    void lastModifiedWorksAsAValidatorToo() {
        start(FetchCacheProperties.defaults(), (request, response) -> {
            String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
            if (lastModified.equals(request.requestHeaders().get("If-Modified-Since"))) {
                notModified.incrementAndGet();
                return response.status(304).send();
            }
            full.incrementAndGet();
            return response.header("Last-Modified", lastModified).header("Content-Type", "text/html")
                    .sendString(Mono.just("<p>dated</p>"));
        });

        fetch("/page");
        Fetched second = fetch("/page");

        assertThat(text(second)).isEqualTo("<p>dated</p>");
        assertThat(full).hasValue(1);
        assertThat(notModified).hasValue(1);
    }

    @Test
    void aPageWithoutValidatorIsNotKeptAndIsFetchedInFullAgain() {
        start(FetchCacheProperties.defaults(), (request, response) -> {
            full.incrementAndGet();
            return RobotsTest.page(response);
        });

        fetch("/page");
        fetch("/page");

        assertThat(full).hasValue(2);
        assertThat(origin.hits("/page")).allSatisfy(hit -> {
            assertThat(hit.headers().contains("If-None-Match")).isFalse();
            assertThat(hit.headers().contains("If-Modified-Since")).isFalse();
        });
    }

    @Test
    void noStoreAndPagesLargerThanTheCacheAreNotKept() {
        start(new FetchCacheProperties(true, DataSize.ofBytes(300), Duration.ofHours(1)), (request, response) -> {
            full.incrementAndGet();
            String body = request.uri().equals("/big") ? "x".repeat(1_000) : "<p>small</p>";
            HttpServerResponse answer = response.header("ETag", "\"same\"").header("Content-Type", "text/html");
            if (request.uri().equals("/private")) {
                answer = answer.header("Cache-Control", "private, no-store");
            }
            return answer.sendString(Mono.just(body));
        });

        fetch("/private");
        fetch("/private");
        fetch("/big");
        fetch("/big");

        assertThat(full).hasValue(4);
    }

    private Mono<Void> withETag(HttpServerRequest request, HttpServerResponse response) {
        String etag = "\"" + version.get() + "\"";
        if (etag.equals(request.requestHeaders().get("If-None-Match"))) {
            notModified.incrementAndGet();
            return Mono.from(response.status(304).header("ETag", etag).send());
        }
        full.incrementAndGet();
        return Mono.from(response.header("ETag", etag).header("Content-Type", "text/html;charset=UTF-8")
                .sendString(Mono.just("<p>" + version.get() + "</p>")));
    }

    private void start(FetchCacheProperties cache, RobotsTest.Handler pages) {
        origin = new RecordingOrigin((request, response) -> request.uri().equals("/robots.txt")
                ? response.status(404).send() : pages.handle(request, response));
        built = TestFetchers.create(FETCH, PolitenessProperties.defaults(), cache, null, meters);
    }

    private Fetched fetch(String path) {
        return built.fetcher().fetch(origin.url(path)).block(Duration.ofSeconds(30));
    }

    private static String text(Fetched page) {
        return new String(page.body(), StandardCharsets.UTF_8);
    }
}
