package dev.cartage.marshal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.InputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * A parser's input that checks the item's deadline as the parser reads it, so that even a parser cannot run past
 * it: a bulk read (a parser reads a few kilobytes or a line at a time) checks the clock, a one-character read
 * counts towards the next clock read ({@link MarshalDeadline#check()}).
 *
 * <p>The same checks come in the two shapes the parsers take: bytes for jsoup, which must see the undecoded page to
 * find its {@code <meta charset>}, and characters for commonmark, whose input is already decoded text.
 */
final class DeadlineInput {

    private DeadlineInput() {
    }

    /** {@code bytes}, read with the deadline checked. */
    static InputStream of(byte[] bytes, MarshalDeadline deadline) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
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
        };
    }

    /** {@code text}, read with the deadline checked. */
    static Reader of(String text, MarshalDeadline deadline) {
        return new FilterReader(new StringReader(text)) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                deadline.checkNow();
                return super.read(buffer, offset, length);
            }

            @Override
            public int read() throws IOException {
                deadline.check();
                return super.read();
            }
        };
    }
}
