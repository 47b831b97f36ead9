package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import dev.cartage.web.Fields;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One run's directory sink on its own: whole files, a manifest line per outcome, I/O off the caller's thread (BlockHound
 * runs in every test; the deliveries here are made from Reactor's non-blocking parallel threads), and I/O errors
 * as failures of type {@code deliver}.
 */
class DirectorySinkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path base;

    Path root;
    Path outside;
    DirectoryDelivery directories;

    @BeforeEach
    void setUp() throws IOException {
        root = base.resolve("root");
        outside = Files.createDirectories(base.resolve("outside"));
        directories = new DirectoryDelivery(new DirectoryProperties(root));
    }

    @Test
    void manyParallelDeliveriesWriteEveryFileWholeAndOneManifestLineEach() throws IOException {
        OutcomeSink sink = directories.open("r-1", checked("reports/today"));
        List<Outcome> outcomes = new ArrayList<>();
        for (int seq = 0; seq < 200; seq++) {
            outcomes.add(seq % 10 == 3 ? failed(seq) : ok(seq, "Page " + seq, "content of page " + seq + "\n".repeat(seq)));
        }

        StepVerifier.create(Flux.fromIterable(outcomes).flatMap(outcome -> deliverFromAnEventLoopLikeThread(sink, outcome), 8))
                .verifyComplete();

        Path run = root.resolve("reports/today/r-1");
        List<JsonNode> manifest = manifest(run);
        assertThat(manifest).hasSize(200);
        assertThat(manifest).extracting(line -> line.get("seq").asLong()).doesNotHaveDuplicates();
        for (JsonNode line : manifest) {
            long seq = line.get("seq").asLong();
            assertThat(line.has("content")).isFalse();
            if (seq % 10 == 3) {
                assertThat(line.get("status").asString()).isEqualTo("failed");
                assertThat(line.has("file")).isFalse();
                assertThat(line.get("error").get("type").asString()).isEqualTo("http-status");
            } else {
                String file = String.format("%06d-page-%d.md", seq, seq);
                assertThat(line.get("file").asString()).isEqualTo(file);
                assertThat(run.resolve(file)).hasContent("content of page " + seq + "\n".repeat((int) seq));
            }
        }
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(path -> path.getFileName().toString())).hasSize(181).noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void aFileWhereTheRunsDirectoryShouldBeFailsEveryItemWithTypeDeliver() throws IOException {
        Path checked = checked("reports");
        OutcomeSink sink = directories.open("r-2", checked);
        Files.createDirectories(checked);
        Files.writeString(checked.resolve("r-2"), "in the way");

        StepVerifier.create(deliverFromAnEventLoopLikeThread(sink, ok(0, "A", "a")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ItemException.class);
                    assertThat(((ItemException) error).type()).isEqualTo(FailureType.DELIVER);
                    assertThat(error.getMessage()).startsWith("could not write reports/r-2/000000-a.md: ")
                            .doesNotContain(base.toString());
                })
                .verify();
        StepVerifier.create(deliverFromAnEventLoopLikeThread(sink, failed(1)))
                .expectErrorMatches(error -> error.getMessage().startsWith("could not write into reports/r-2: "))
                .verify();
    }

    @Test
    void aDirectoryWhereTheFileShouldGoFailsThatItemOnlyAndTheManifestSaysSo() throws IOException {
        OutcomeSink sink = directories.open("r-3", checked("out"));
        StepVerifier.create(deliverFromAnEventLoopLikeThread(sink, ok(0, "A", "a"))).verifyComplete();
        Files.createDirectories(root.resolve("out/r-3/000001-b.md/occupied"));

        StepVerifier.create(deliverFromAnEventLoopLikeThread(sink, ok(1, "B", "b")))
                .expectErrorSatisfies(error -> assertThat(((ItemException) error).type()).isEqualTo(FailureType.DELIVER))
                .verify();
        StepVerifier.create(deliverFromAnEventLoopLikeThread(sink, ok(2, "C", "c"))).verifyComplete();

        List<JsonNode> manifest = manifest(root.resolve("out/r-3"));
        assertThat(manifest).extracting(line -> line.get("status").asString()).containsExactly("ok", "failed", "ok");
        JsonNode failure = manifest.get(1).get("error");
        assertThat(failure.get("stage").asString()).isEqualTo("deliver");
        assertThat(failure.get("type").asString()).isEqualTo("deliver");
        assertThat(failure.get("message").asString()).startsWith("could not write out/r-3/000001-b.md: ");
        try (Stream<Path> files = Files.list(root.resolve("out/r-3"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("000000-a.md", "000001-b.md", "000002-c.md", "manifest.ndjson");
        }
    }

    @Test
    void aLinkSwappedInAfterTheCheckCannotCarryTheFilesOutside() throws IOException {
        Path checked = checked("later");
        Files.createSymbolicLink(root.resolve("later"), outside);
        OutcomeSink sink = directories.open("r-4", checked);

        StepVerifier.create(deliverFromAnEventLoopLikeThread(sink, ok(0, "A", "a")))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("leads outside the output root"))
                .verify();
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aDeliveryRepeatedAfterATimeoutRewritesItsFileButIsListedOnce() throws IOException {
        OutcomeSink sink = directories.open("r-5", checked("again"));

        StepVerifier.create(deliverFromAnEventLoopLikeThread(sink, ok(0, "A", "a"))
                        .then(deliverFromAnEventLoopLikeThread(sink, ok(0, "A", "a"))))
                .verifyComplete();

        assertThat(manifest(root.resolve("again/r-5"))).hasSize(1);
        assertThat(root.resolve("again/r-5/000000-a.md")).hasContent("a");
    }

    /** Deliveries made from a non-blocking thread: BlockHound fails them if the sink did its I/O there. */
    private static Mono<Void> deliverFromAnEventLoopLikeThread(OutcomeSink sink, Outcome outcome) {
        return Mono.defer(() -> sink.deliver(outcome)).subscribeOn(Schedulers.parallel());
    }

    private Path checked(String path) {
        Fields deliver = Fields.named("deliver",
                JsonNodeFactory.instance.objectNode().put("to", "directory").put("path", path));
        Path checked = directories.check(deliver);
        assertThat(deliver.errors()).isEmpty();
        return checked;
    }

    private static Outcome ok(long seq, String title, String content) {
        return new Outcome(seq, "https://a.org/p/" + seq, "ok", "markdown", "text/markdown;charset=UTF-8", title, content,
                null, new Outcome.Timings(1, 2, 3, 0));
    }

    private static Outcome failed(long seq) {
        return new Outcome(seq, "https://a.org/p/" + seq, "failed", "markdown", null, null, null,
                new Outcome.Error("fetch", "http-status", "the origin answered 503", 503), new Outcome.Timings(1, 0, 0, 0));
    }

    private static List<JsonNode> manifest(Path run) throws IOException {
        return Files.readAllLines(run.resolve("manifest.ndjson")).stream().map(JSON::readTree).toList();
    }
}
