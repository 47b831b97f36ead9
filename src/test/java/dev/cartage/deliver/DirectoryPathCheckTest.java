package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Which {@code deliver.path} values name a directory inside the output root, checked before any run starts. */
class DirectoryPathCheckTest {

    @TempDir
    Path base;

    Path root;
    Path outside;
    DirectoryDelivery directories;
    List<FieldError> errors = new ArrayList<>();

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

        assertThat(errors).isEmpty();
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
        assertThat(errors).isEmpty();
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
        errors.clear();
        assertThat(check("a/".repeat(127) + "b")).isNotNull();
    }

    @Test
    void aSymbolicLinkLeadingOutsideIsRefusedAndSoIsAnythingBelowIt() throws IOException {
        Files.createSymbolicLink(root.resolve("out"), outside);

        assertThat(check("out")).isNull();
        assertThat(check("out/deeper/still")).isNull();
        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error.message())
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
        assertThat(errors).hasSize(2).allSatisfy(error -> assertThat(error.message()).contains("leads outside the output root"));
    }

    @Test
    void aLinkThatLeadsNowhereOrInCirclesIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("gone"));
        Files.createSymbolicLink(root.resolve("loop1"), root.resolve("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), root.resolve("loop1"));

        assertThat(check("dangling/x")).isNull();
        assertThat(check("loop1")).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("deliver.path", "deliver.path");
        assertThat(errors.get(0).message()).contains("leads nowhere");
    }

    @Test
    void aSymbolicLinkThatStaysInsideTheRootIsFollowed() throws IOException {
        Path target = Files.createDirectories(root.resolve("archive/2026"));
        Files.createSymbolicLink(root.resolve("latest"), target);

        assertThat(check("latest/today")).isEqualTo(target.toRealPath().resolve("today"));
        assertThat(errors).isEmpty();
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
        assertThat(directories.check(JsonNodeFactory.instance.numberNode(42), "deliver.path", errors)).isNull();
        assertThat(directories.check(null, "deliver.path", errors)).isNull();
        assertThat(errors).extracting(FieldError::message).satisfiesExactly(
                first -> assertThat(first).startsWith("must be a string naming a directory").endsWith("was 42"),
                second -> assertThat(second).startsWith("required with directory delivery"));
    }

    @Test
    void withoutARootDirectoryDeliveryIsRefusedOnDeliverTo() {
        DirectoryDelivery unconfigured = new DirectoryDelivery(new DirectoryProperties(null));

        assertThat(unconfigured.check(JsonNodeFactory.instance.stringNode("reports"), "deliver.path", errors)).isNull();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("deliver.to");
            assertThat(error.message()).contains("cartage.deliver.directory.root");
        });
    }

    private Path check(String path) {
        JsonNode node = JsonNodeFactory.instance.stringNode(path);
        Path checked = directories.check(node, "deliver.path", errors);
        assertThat(outside).isEmptyDirectory();
        return checked;
    }

    private void assertRefused(String message) {
        assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.field()).isEqualTo("deliver.path");
            assertThat(error.message()).contains(message);
        });
    }
}
