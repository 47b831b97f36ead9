package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.run.RunStatus;
import dev.cartage.support.RunsApi;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code "deliver": {"to": "directory"}} over HTTP, end to end: the files and manifest of real runs, the 400s of paths
 * that would lead out of the root, and failed writes that become failed outcomes instead of lost ones. The path
 * check runs on the request's event loop, under BlockHound like every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartage.fetch.guard.allow[0]=127.0.0.1:*")
@AutoConfigureWebTestClient(timeout = "60s")
class DirectoryDeliveryRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path base;

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void outputRoot(DynamicPropertyRegistry registry) {
        registry.add("cartage.deliver.directory.root", () -> base.resolve("root").toString());
    }

    @Test
    void aPileRunWritesOneFilePerOutcomeNamedBySeqAndTitleAndAManifest() throws IOException {
        Map<String, Object> pile = Map.of("pile", Map.of("count", 12));
        List<Outcome> stored = runs().results(runs().start(Map.of("sources", List.of(pile))).id());
        RunStatus run = runs().start(Map.of("sources", List.of(pile), "deliver", directory("reports/today")));

        List<Outcome> records = runs().results(run.id());

        Path written = root().resolve("reports/today/" + run.id());
        Map<Long, JsonNode> manifest = bySeq(manifest(written));
        assertThat(manifest).hasSize(12);
        assertThat(stored).hasSize(12).allSatisfy(outcome -> {
            String file = manifest.get(outcome.seq()).get("file").asString();
            assertThat(file).isEqualTo(String.format("%06d-%s.md", outcome.seq(),
                    OutcomeFileName.slug(outcome.title(), outcome.source())));
            assertThat(written.resolve(file)).hasContent(outcome.content());
            assertThat(manifest.get(outcome.seq()).get("title").asString()).isEqualTo(outcome.title());
        });
        assertThat(manifest.values()).allSatisfy(line -> assertThat(line.has("content")).isFalse());
        assertThat(names(written)).hasSize(13).contains("manifest.ndjson").noneMatch(name -> name.startsWith("."));
        assertThat(records).hasSize(12).allSatisfy(record -> assertThat(record.content()).isNull());
        assertThat(runs().status(run.id()).items()).isEqualTo(new RunStatus.Items(12L, 12, 0));
    }

    @ParameterizedTest
    @CsvSource({"markdown, md", "html, html", "text, txt", "json, json", "card, html"})
    void eachFormatGetsItsExtension(String format, String extension) throws IOException {
        RunStatus run = runs().start(Map.of("format", format, "sources", List.of(Map.of("pile", Map.of("count", 2))),
                "deliver", directory("formats/" + format)));
        runs().results(run.id());

        Path written = root().resolve("formats/" + format + "/" + run.id());
        List<JsonNode> manifest = manifest(written);
        assertThat(manifest).hasSize(2).allSatisfy(line -> {
            assertThat(line.get("format").asString()).isEqualTo(format);
            assertThat(line.get("file").asString()).endsWith("." + extension);
            assertThat(written.resolve(line.get("file").asString())).isNotEmptyFile();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/../../outside", "/etc", "\\..\\", "a\u0000b", "link-out", "chain/deeper"})
    void aPathThatWouldLeadOutOfTheRootIsRefusedBeforeTheRunStarts(String path) throws IOException {
        Path outside = Files.createDirectories(base.resolve("outside"));
        if (!Files.exists(root().resolve("link-out"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(root().resolve("link-out"), outside);
            Files.createSymbolicLink(root().resolve("chain"), Path.of("link-out"));
        }
        int runsBefore = runsListed();

        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 3))), "deliver", directory(path)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("deliver.path")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith("deliver.path: "));

        assertThat(runsListed()).isEqualTo(runsBefore);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aLinkThatStaysInsideTheRootIsFollowed() throws IOException {
        Path archive = Files.createDirectories(root().resolve("archive/2026"));
        Files.createSymbolicLink(root().resolve("latest"), archive);

        RunStatus run = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 2))), "deliver", directory("latest")));
        runs().results(run.id());

        assertThat(manifest(archive.resolve(run.id()))).hasSize(2);
    }

    @Test
    void failedItemsGetAManifestLineWithTheirErrorAndNoFile() throws IOException {
        RunStatus run = runs().start(Map.of("sources", List.of(Map.of("pile", Map.of("count", 12, "failEvery", 3))),
                "deliver", directory("")));
        List<Outcome> records = runs().results(run.id());

        Path written = root().resolve(run.id());
        List<JsonNode> manifest = manifest(written);
        List<JsonNode> failed = manifest.stream().filter(line -> line.get("status").asString().equals("failed")).toList();
        assertThat(manifest).hasSize(12);
        assertThat(failed).extracting(line -> line.get("seq").asLong()).containsExactlyInAnyOrder(2L, 5L, 8L, 11L);
        assertThat(failed).allSatisfy(line -> {
            assertThat(line.has("file")).isFalse();
            assertThat(line.get("error").get("stage").asString()).isEqualTo("fetch");
            assertThat(line.get("error").get("httpStatus").asInt()).isEqualTo(503);
        });
        assertThat(names(written)).hasSize(8 + 1);
        assertThat(records).filteredOn(record -> !record.ok()).hasSize(4);
        assertThat(runs().status(run.id()).items()).isEqualTo(new RunStatus.Items(12L, 8, 4));
    }

    @Test
    void writesThatFailBecomeFailedOutcomesOfStageDeliverAndNothingIsLost() throws IOException {
        try (HeldOrigin origin = new HeldOrigin(3)) {
            List<String> sources = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                sources.add(origin.url(n));
            }
            RunStatus run = runs().start(Map.of("sources", sources, "deliver", directory("held")));
            Path written = root().resolve("held/" + run.id());

            // pages 0-2 are written; 3-5 are held by the origin until a directory sits where each file should go
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(written.resolve("manifest.ndjson"))
                    && manifest(written).size() == 3);
            for (int n = 3; n < 6; n++) {
                Outcome page = new Outcome(n, origin.url(n), "ok", "markdown", null, "Page " + n, "", null, null);
                Files.createDirectories(written.resolve(OutcomeFileName.of(page)).resolve("in-the-way"));
            }
            origin.release();
            List<Outcome> records = runs().results(run.id());

            assertThat(records).hasSize(6);
            assertThat(records).filteredOn(record -> !record.ok()).hasSize(3).allSatisfy(record -> {
                assertThat(record.seq()).isGreaterThanOrEqualTo(3);
                assertThat(record.error().stage()).isEqualTo("deliver");
                assertThat(record.error().type()).isEqualTo("deliver");
                assertThat(record.error().message()).startsWith("could not write held/" + run.id() + "/00000");
            });
            RunStatus done = runs().status(run.id());
            assertThat(done.status()).isEqualTo("completed");
            assertThat(done.items()).isEqualTo(new RunStatus.Items(6L, 3, 3));
            assertThat(done.stages().get(3).failed()).isEqualTo(3);
            assertThat(manifest(written)).extracting(line -> line.get("status").asString())
                    .containsExactly("ok", "ok", "ok", "failed", "failed", "failed");
            assertThat(names(written)).noneMatch(name -> name.startsWith("."));
        }
    }

    /** A local origin serving small pages titled "Page n"; pages from {@code held} on wait for {@link #release()}. */
    static final class HeldOrigin implements AutoCloseable {
        private final Sinks.Empty<Void> gate = Sinks.empty();
        private final DisposableServer server;

        HeldOrigin(int held) {
            server = HttpServer.create().host("127.0.0.1").port(0)
                    .route(routes -> routes.get("/page/{n}", (request, response) -> {
                        int n = Integer.parseInt(request.param("n"));
                        Mono<Void> wait = n >= held ? gate.asMono() : Mono.empty();
                        return response.header("Content-Type", "text/html;charset=UTF-8")
                                .sendString(wait.then(Mono.just(page(n))))
                                .then();
                    }))
                    .bindNow();
        }

        String url(int n) {
            return "http://127.0.0.1:" + server.port() + "/page/" + n;
        }

        void release() {
            gate.tryEmitEmpty();
        }

        private static String page(int n) {
            return "<html><head><title>Page " + n + "</title></head><body><article><h1>Page " + n + "</h1>"
                    + "<p>The gophers carry the books of page " + n + " to the incinerator, one cart at a time.</p>"
                    + "</article></body></html>";
        }

        @Override
        public void close() {
            release();
            server.disposeNow();
        }
    }

    private RunsApi runs() {
        return new RunsApi(http);
    }

    private int runsListed() {
        return http.get().uri("/api/runs").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody().size();
    }

    static Path root() {
        return base.resolve("root");
    }

    static Map<String, Object> directory(String path) {
        return Map.of("to", "directory", "path", path);
    }

    static List<JsonNode> manifest(Path written) throws IOException {
        return Files.readAllLines(written.resolve("manifest.ndjson")).stream().map(JSON::readTree).toList();
    }

    static Map<Long, JsonNode> bySeq(List<JsonNode> lines) {
        return lines.stream().collect(Collectors.toMap(line -> line.get("seq").asLong(), Function.identity()));
    }

    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
