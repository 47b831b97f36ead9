package dev.cartage.marshal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * A parser's input that checks the item's deadline as the parser reads it, so that even a parser cannot run past
 * it: a bulk read (parsers and decoders read a few kilobytes at a time) checks the clock, a one-byte read counts
 * towards the next clock read ({@link MarshalDeadline#check()}).
 *
 * <p>Bytes, because jsoup must see the undecoded page to find its {@code <meta charset>}; commonmark, whose input is
 * already decoded, reads the same bytes through a UTF-8 decoder ({@link #text}), so that there is one reader to
 * keep right rather than one per shape.
 */
final class DeadlineInput extends FilterInputStream {

    private final MarshalDeadline deadline;

    DeadlineInput(byte[] bytes, MarshalDeadline deadline) {
        super(new ByteArrayInputStream(bytes));
        this.deadline = deadline;
    }

    /** {@code text} as characters, read with the deadline checked. */
    static Reader text(String text, MarshalDeadline deadline) {
        return new InputStreamReader(new DeadlineInput(text.getBytes(StandardCharsets.UTF_8), deadline),
                StandardCharsets.UTF_8);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        deadline.checkNow();
        return super.read(buffer, offset, length);
    }

    @Override
    public int read() throws IOException {
        deadline.check();
        return super.read();
    }
}
