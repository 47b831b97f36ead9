package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cartage.web.FieldError;
import dev.cartage.web.Fields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Which {@code deliver.path} values name a directory inside the output root, checked before any run starts. */
class DirectoryPathCheckTest {

    @TempDir
    Path base;

    Path root;
    Path outside;
    DirectoryDelivery directories;
    /** The request being checked; its errors are every problem found so far. */
    Fields request = Fields.of(null);

    @BeforeEach
    void setUp() throws IOException {
        root = base.resolve("root");
        outside = Files.createDirectories(base.resolve("outside"));
        directories = new DirectoryDelivery(new DirectoryProperties(root));
    }

    @Test
    void theRootIsCreatedAtStartupWhenMissing() {
        assertThat(root).isDirectory();
    }

    @Test
    void aRootThatIsAFileStopsTheServiceFromStarting() throws IOException {
        Path file = Files.writeString(base.resolve("file"), "x");
        assertThatThrownBy(() -> new DirectoryDelivery(new DirectoryProperties(file)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cartage.deliver.directory.root: cannot use");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "reports/today    | reports/today",
            "reports/today/   | reports/today",
            "./reports//today | reports/today",
            "Berichte/heute-ü | Berichte/heute-ü",
            "a b/c.d          | a b/c.d"})
    void aRelativePathNamesADirectoryInsideTheRootThatNeedNotExist(String path, String inside) throws IOException {
        Path checked = check(path);

        assertThat(request.errors()).isEmpty();
        assertThat(checked).isEqualTo(root.toRealPath().resolve(inside)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "./", "/."})
    void emptyAndDotNameTheRootItself(String path) throws IOException {
        if (path.startsWith("/")) {
            // an absolute path is refused even when it would mean the root
            assertThat(check(path)).isNull();
            assertRefused("absolute");
            return;
        }
        assertThat(check(path)).isEqualTo(root.toRealPath());
        assertThat(request.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside", "a/../../outside", "a/..", "reports/../.."})
    void dotDotIsRefused(String path) {
        assertThat(check(path)).isNull();
        assertRefused("'..' is not accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc", "//etc", "C:/Windows", "c:"})
    void absolutePathsAreRefused(String path) {
        assertThat(check(path)).isNull();
        assertRefused("must be relative to the output root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\..\\outside", "a\\b", "C:\\Windows"})
    void backslashesAreRefused(String path) {
        assertThat(check(path)).isNull();
        assertRefused("a backslash is not accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "a\tb", "a\u007fb", "a\u202eb", "a\u2028b"})
    void controlAndInvisibleCharactersAreRefused(String path) {
        assertThat(check(path)).isNull();
        assertRefused("must not contain control or invisible characters");
    }

    @Test
    void overlyLongPathsAreRefused() {
        assertThat(check("a/".repeat(127) + "bc")).isNull();
        assertRefused("at most 255 characters, was 256");
        request = Fields.of(null);
        assertThat(check("a/".repeat(127) + "b")).isNotNull();
    }

    @Test
    void aSymbolicLinkLeadingOutsideIsRefusedAndSoIsAnythingBelowIt() throws IOException {
        Files.createSymbolicLink(root.resolve("out"), outside);

        assertThat(check("out")).isNull();
        assertThat(check("out/deeper/still")).isNull();
        assertThat(request.errors()).hasSize(2).allSatisfy(error -> assertThat(error.message())
                .contains("leads outside the output root through a symbolic link ('out')"));
    }

    @Test
    void aChainOfLinksLeadingOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("last"), outside);
        Files.createSymbolicLink(root.resolve("first"), root.resolve("last"));
        Files.createDirectories(root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/b"), Path.of("../first"));

        assertThat(check("first")).isNull();
        assertThat(check("a/b/c")).isNull();
        assertThat(request.errors()).hasSize(2).allSatisfy(error -> assertThat(error.message()).contains("leads outside the output root"));
    }

    @Test
    void aLinkThatLeadsNowhereOrInCirclesIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("gone"));
        Files.createSymbolicLink(root.resolve("loop1"), root.resolve("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), root.resolve("loop1"));

        assertThat(check("dangling/x")).isNull();
        assertThat(check("loop1")).isNull();
        assertThat(request.errors()).extracting(FieldError::field).containsExactly("deliver.path", "deliver.path");
        assertThat(request.errors().get(0).message()).contains("leads nowhere");
    }

    @Test
    void aSymbolicLinkThatStaysInsideTheRootIsFollowed() throws IOException {
        Path target = Files.createDirectories(root.resolve("archive/2026"));
        Files.createSymbolicLink(root.resolve("latest"), target);

        assertThat(check("latest/today")).isEqualTo(target.toRealPath().resolve("today"));
        assertThat(request.errors()).isEmpty();
    }

    @Test
    void aFileWhereADirectoryShouldBeIsRefused() throws IOException {
        Files.createDirectories(root.resolve("reports"));
        Files.writeString(root.resolve("reports/today"), "not a directory");

        assertThat(check("reports/today/morning")).isNull();
        assertRefused("'reports/today' is a file, not a directory");
    }

    @Test
    void aPathThatIsNoStringOrMissingIsRefused() {
        assertThat(directories.check(deliver(JsonNodeFactory.instance.numberNode(42)))).isNull();
        assertThat(directories.check(deliver(null))).isNull();
        assertThat(request.errors()).extracting(FieldError::message).satisfiesExactly(
                first -> assertThat(first).startsWith("must be a string naming a directory").endsWith("was 42"),
                second -> assertThat(second).startsWith("required with directory delivery"));
    }

    @Test
    void withoutARootDirectoryDeliveryIsRefusedOnDeliverTo() {
        DirectoryDelivery unconfigured = new DirectoryDelivery(new DirectoryProperties(null));

        assertThat(unconfigured.check(deliver(JsonNodeFactory.instance.stringNode("reports")))).isNull();
        assertThat(request.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("deliver.to");
            assertThat(error.message()).contains("cartage.deliver.directory.root");
        });
    }

    private Path check(String path) {
        Path checked = directories.check(deliver(JsonNodeFactory.instance.stringNode(path)));
        assertThat(outside).isEmptyDirectory();
        return checked;
    }

    private void assertRefused(String message) {
        assertThat(request.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.field()).isEqualTo("deliver.path");
            assertThat(error.message()).contains(message);
        });
    }

    /** A request's {@code deliver} object naming {@code path}; no {@code path} field when null. */
    private Fields deliver(JsonNode path) {
        ObjectNode deliver = JsonNodeFactory.instance.objectNode().put("to", "directory");
        if (path != null) {
            deliver.set("path", path);
        }
        return request.at("deliver", deliver);
    }
}
