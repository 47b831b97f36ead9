package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.webflux.problemdetails.enabled=true")
@AutoConfigureWebTestClient(timeout = "30s")
class PileControllerTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private PileOrigin origin;

    @LocalServerPort
    private int port;

    @Test
    void samePageAndSeedGiveByteIdenticalHtml() {
        byte[] first = page("/pile/manuals/12?seed=4");

        assertThat(page("/pile/manuals/12?seed=4")).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(new ManualGenerator().page(4, 12));
        assertThat(page("/pile/manuals/12?seed=5")).isNotEqualTo(first);
    }

    @Test
    void seedDefaultsToOneAndPagesExistBeyondAnyCount() {
        assertThat(page("/pile/manuals/3")).isEqualTo(page("/pile/manuals/3?seed=1"));
        assertThat(page("/pile/manuals/150000?seed=1&latency=0ms&failEvery=0")).isNotEmpty();
    }

    @Test
    void latencyDelaysTheAnswerByAtLeastThatLong() {
        long start = System.nanoTime();
        client.get().uri("/pile/manuals/0?latency=300ms").exchange().expectStatus().isOk();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void failEveryThreeFailsPagesTwoFiveAndEightOnEveryAttempt() {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (int n = 0; n < 9; n++) {
                HttpStatus expected = (n == 2 || n == 5 || n == 8) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
                client.get().uri("/pile/manuals/{n}?failEvery=3", n).exchange().expectStatus().isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/pile?count=100001                  | count 100001 is above the limit of 100000",
            "/pile/sitemap.xml?count=100001      | cartage.pile.max-count",
            "/pile/feed.xml?count=-1             | count must be 0 or more",
            "/pile/manuals/-1                    | page numbers start at 0",
            "/pile/manuals/0?latency=fast        | latency 'fast' is not a duration",
            "/pile/manuals/0?latency=61s         | latency 61s is above the limit of 60s",
            "/pile/sitemap.xml?latency=-5ms      | latency must not be negative",
            "/pile/manuals/0?failEvery=-1        | failEvery must be 0",
            "/pile?failEvery=-2                  | failEvery must be 0"})
    void badParametersAreA400ProblemSayingWhatIsWrong(String uri, String detail) {
        client.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, text -> assertThat(text).contains(detail));
    }

    @Test
    void listingShowsThePagesWithTheirParameters() {
        PileQuery query = PileQuery.of(3, "20ms", 2, 9);
        List<String> urls = origin.manualUrls(query).collectList().block();

        client.get().uri("/pile?count=3&seed=9&latency=20ms&failEvery=2").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.count").isEqualTo(3)
                .jsonPath("$.seed").isEqualTo(9)
                .jsonPath("$.latency").isEqualTo("20ms")
                .jsonPath("$.truncated").isEqualTo(false)
                .jsonPath("$.sitemap").isEqualTo(origin.sitemapUrl(query))
                .jsonPath("$.pages[*].url").isEqualTo(urls)
                .jsonPath("$.pages[1].n").isEqualTo(1)
                .jsonPath("$.pages[1].title").isEqualTo(Chapter.of(9, 1).title());
    }

    @Test
    void listingOfALargePileShowsTheFirstThousand() {
        client.get().uri("/pile?count=100000").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(100_000)
                .jsonPath("$.listed").isEqualTo(1_000)
                .jsonPath("$.truncated").isEqualTo(true)
                .jsonPath("$.note").value(String.class, note -> assertThat(note).contains("sitemap"))
                .jsonPath("$.pages.length()").isEqualTo(1_000)
                .jsonPath("$.pages[999].url").isEqualTo(origin.manualUrl(PileQuery.of(100_000), 999));
    }

    @Test
    void baseUrlIsTheServersOwnLocalAddressAndItsUrlsAnswer() {
        assertThat(origin.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port));

        String url = origin.manualUrl(PileQuery.of(1, "0ms", 0, 6), 0);
        client.get().uri(URI.create(url)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(new ManualGenerator().page(6, 0));
    }

    @Test
    void robotsRulesAllowThePile() {
        client.get().uri("/pile/robots.txt").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("User-agent: *\nAllow: /pile/\n");
    }

    private byte[] page(String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody().returnResult().getResponseBody();
    }
}
