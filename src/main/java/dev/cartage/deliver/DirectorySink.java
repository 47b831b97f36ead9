package dev.cartage.deliver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run's directory delivery: each succeeded outcome becomes a file named by {@link OutcomeFileName}, and every
 * outcome, failed ones included, a line of {@code manifest.ndjson} (the Outcome without content, plus {@code file}).
 *
 * <p>A file appears whole or not at all: it is written to a hidden temporary file in the same directory and then
 * renamed over its name atomically, so a reader never sees half a file. Manifest lines are appended one writer at a
 * time, in the order deliveries finish, while the content files are written in parallel (the deliver stage's
 * parallelism). All file I/O runs on the bounded I/O scheduler, never on the thread that calls {@link #deliver}.
 * An I/O error fails the item with type {@code deliver}; its manifest line says so when the manifest can still be
 * written. Cancelling a delivery does not stop a write already under way: the file and its line are then complete.
 */
final class DirectorySink implements OutcomeSink {

    static final String MANIFEST = "manifest.ndjson";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutputRoot root;
    private final Path directory;
    private final Scheduler io;
    private final Object manifestLock = new Object();
    /** The seqs the manifest lists already; guarded by {@link #manifestLock}. A bit each: 12 KB for 100,000 items. */
    private final BitSet listed = new BitSet();
    /** The run's directory once created and re-checked; every delivery needs it, only the first creates it. */
    private volatile Path entered;

    /**
     * @param directory the run's own directory, inside the root; created by the first delivery
     * @param io        a bounded scheduler that may block
     */
    DirectorySink(OutputRoot root, Path directory, Scheduler io) {
        this.root = root;
        this.directory = directory;
        this.io = io;
    }

    @Override
    public Mono<Void> deliver(Outcome outcome) {
        return Mono.fromRunnable(() -> write(outcome))
                .subscribeOn(io)
                .then();
    }

    private void write(Outcome outcome) {
        String file = outcome.ok() ? OutcomeFileName.of(outcome) : null;
        try {
            Path into = enter();
            if (file != null) {
                writeAtomically(into, file, outcome.content());
            }
        } catch (IOException | RuntimeException e) {
            ItemException failure = new ItemException(FailureType.DELIVER, "could not write "
                    + (file == null ? "into " + root.shown(directory) : root.shown(directory.resolve(file))) + ": " + reason(e));
            appendQuietly(outcome, failure.getMessage());
            throw failure;
        }
        try {
            append(outcome.seq(), line(outcome, file));
        } catch (IOException | RuntimeException e) {
            String what = file == null ? "the failed outcome " + outcome.seq() : "the file " + file;
            throw new ItemException(FailureType.DELIVER, "could not add " + what + " to "
                    + root.shown(directory.resolve(MANIFEST)) + ": " + reason(e));
        }
    }

    private Path enter() throws IOException {
        Path ready = entered;
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            if (entered == null) {
                entered = root.enter(directory);
            }
            return entered;
        }
    }

    private static void writeAtomically(Path into, String name, String content) throws IOException {
        Path target = into.resolve(name);
        Path temporary = into.resolve("." + name + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        boolean moved = false;
        try {
            Files.write(temporary, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Leaves the write's own error to tell what went wrong; a temporary file that stays is hidden and harmless. */
    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // the write's error is the one worth reporting
        }
    }

    /**
     * Appends the line of outcome {@code seq} unless it is there already: a delivery the stage timed out finishes
     * its write anyway, and when the stage then retries the item, the manifest must still list it once.
     */
    private void append(long seq, String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (manifestLock) {
            if (seq <= Integer.MAX_VALUE && listed.get((int) seq)) {
                return;
            }
            Files.write(enter().resolve(MANIFEST), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            if (seq <= Integer.MAX_VALUE) {
                listed.set((int) seq);
            }
        }
    }

    /** Records a failed delivery in the manifest if it can; the run keeps its record either way. */
    private void appendQuietly(Outcome outcome, String message) {
        try {
            append(outcome.seq(), failed(outcome, message));
        } catch (IOException | RuntimeException e) {
            // the manifest is what cannot be written: the run's own records still list the failure
        }
    }

    private static String line(Outcome outcome, String file) {
        ObjectNode node = JSON.valueToTree(outcome.withoutContent());
        if (file != null) {
            node.put("file", file);
        }
        return JSON.writeValueAsString(node);
    }

    private static String failed(Outcome outcome, String message) {
        return line(new Outcome(outcome.seq(), outcome.source(), "failed", outcome.format(), null, null, null,
                new Outcome.Error("deliver", FailureType.DELIVER.wireName(), message, null), outcome.timings()), null);
    }

    /** The cause in words a user can act on, e.g. {@code No space left on device (out/r-1/000003-a.md)}. */
    private String reason(Exception e) {
        if (e instanceof FileSystemException failure) {
            String why = failure.getReason() != null ? failure.getReason() : words(e.getClass().getSimpleName());
            return failure.getFile() == null ? why : why + " (" + root.shown(Path.of(failure.getFile())) + ")";
        }
        return e.getMessage() == null ? words(e.getClass().getSimpleName()) : e.getMessage();
    }

    /** {@code NoSuchFileException} → {@code no such file}. */
    private static String words(String exceptionName) {
        return exceptionName.replaceAll("Exception$", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
