package dev.cartage.fetch.polite;

import java.io.ByteArrayOutputStream;

/** The first {@code limit} bytes of a robots.txt body; the rest is not read (RFC 9309, section 2.5). */
final class RobotsBody {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int limit;

    RobotsBody(int limit) {
        this.limit = limit;
    }

    /** Keeps what fits of {@code chunk}; false once the limit is reached, so the reader can stop. */
    boolean add(byte[] chunk) {
        int take = Math.min(chunk.length, limit - bytes.size());
        if (take > 0) {
            bytes.write(chunk, 0, take);
        }
        return bytes.size() < limit;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
