package dev.cartage.deliver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.cartage.web.Fields;

/**
 * The configured output root of directory delivery, and the checks that keep every directory a request names inside
 * it. A requested path is refused when it could lead out — a {@code ..} segment, an absolute path, a backslash (a
 * separator on other systems), control characters — or when an existing part of it is, or goes through, a symbolic
 * link leading outside the root. A symbolic link that stays inside the root is followed: it cannot reach anything
 * the operator did not put under the root.
 */
final class OutputRoot {

    /** The longest path a request may name, in characters; deeper trees are a mistake rather than a need. */
    static final int MAX_PATH_CHARS = 255;
    /** The longest name of one directory most file systems accept, in bytes (NAME_MAX). */
    private static final int MAX_SEGMENT_BYTES = 255;

    private final Path realRoot;

    private OutputRoot(Path realRoot) {
        this.realRoot = realRoot;
    }

    /**
     * The root, created when missing. Runs once at startup, on the main thread.
     *
     * @throws IllegalStateException when the root cannot be created or is not a directory, so that the service
     *                               does not start with a destination it cannot write to
     */
    static OutputRoot open(Path configured) {
        try {
            Files.createDirectories(configured);
            return new OutputRoot(configured.toRealPath());
        } catch (IOException e) {
            throw new IllegalStateException("cartage.deliver.directory.root: cannot use '" + configured
                    + "' as the output root (" + e + ")", e);
        }
    }

    /**
     * The directory {@code requested} names inside the root, checked against the file system as it is now; null
     * after adding a field error. {@code ""} and {@code "."} name the root itself; the directory need not exist.
     *
     * <p>The file system is asked only for metadata (which part exists, where its links lead): a few {@code lstat}
     * calls, quick enough for the request's thread. The run re-checks before it writes ({@link #enter}).
     */
    Path check(String requested, Fields field) {
        String problem = lexicalProblem(requested);
        if (problem != null) {
            field.reject(problem);
            return null;
        }
        Path wanted = realRoot;
        for (String segment : requested.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                wanted = wanted.resolve(segment);
            }
        }
        try {
            Path existing = deepestExisting(wanted);
            Path real = existing.toRealPath();
            if (!real.startsWith(realRoot)) {
                field.reject("'" + requested + "' leads outside the output root through a symbolic link ('"
                        + shown(existing) + "'); name a directory inside the root");
                return null;
            }
            if (!Files.isDirectory(real)) {
                field.reject("'" + shown(existing) + "' is a file, not a directory; name a directory");
                return null;
            }
            return real.resolve(existing.relativize(wanted));
        } catch (NoSuchFileException e) {
            field.reject("'" + requested + "' goes through a symbolic link that leads nowhere; name a directory inside the root");
        } catch (IOException e) {
            field.reject("'" + requested + "' cannot be used: " + e.getMessage());
        }
        return null;
    }

    /**
     * Creates {@code directory} (checked earlier by {@link #check}) one level at a time, making sure each level still
     * lies inside the root: a link swapped in since the check must not carry the files, nor even an empty directory,
     * out. Blocking: call it on a bounded I/O scheduler.
     *
     * @return the directory's real path
     */
    Path enter(Path directory) throws IOException {
        if (!directory.startsWith(realRoot)) {
            throw new IOException("'" + directory + "' is not inside the output root");
        }
        Path current = realRoot;
        for (Path segment : realRoot.relativize(directory)) {
            Path next = current.resolve(segment);
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(next);
                } catch (FileAlreadyExistsException raced) {
                    // made by a concurrent run meanwhile: checked below like any existing level
                }
            }
            current = next.toRealPath();
            if (!current.startsWith(realRoot)) {
                throw new IOException("'" + shown(next) + "' now leads outside the output root through a symbolic link");
            }
            if (!Files.isDirectory(current)) {
                throw new IOException("'" + shown(next) + "' is a file, not a directory");
            }
        }
        return current;
    }

    /** A path as a client may see it: relative to the root, which is the operator's business. */
    String shown(Path path) {
        Path relative = path.startsWith(realRoot) ? realRoot.relativize(path) : path.getFileName();
        String text = relative == null ? "" : relative.toString();
        return text.isEmpty() ? "." : text;
    }

    private static Path deepestExisting(Path wanted) {
        Path existing = wanted;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /** Why {@code path} cannot name a directory inside the root whatever the file system holds, or null. */
    private static String lexicalProblem(String path) {
        if (path.length() > MAX_PATH_CHARS) {
            return "at most " + MAX_PATH_CHARS + " characters, was " + path.length();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                return String.format("must not contain control or invisible characters; found U+%04X at index %d", (int) c, i);
            }
            if (c == '\\') {
                return "separates directories with '/'; a backslash is not accepted (index " + i + ")";
            }
        }
        if (path.startsWith("/")) {
            return "must be relative to the output root; '" + path + "' is absolute";
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            return "must be relative to the output root; '" + path + "' names a drive";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "must stay inside the output root; '..' is not accepted";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return "a directory name is at most " + MAX_SEGMENT_BYTES + " bytes long";
            }
        }
        return null;
    }
}
