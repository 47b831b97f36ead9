package dev.cartage.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with {@link BodyTooLargeException} past a limit. It guards the
 * unpacking of gzipped sitemaps: the fetch stage caps the compressed body, this caps what it unpacks to.
 */
final class CappedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long read;

    CappedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws BodyTooLargeException {
        read += n;
        if (read > limit) {
            throw new BodyTooLargeException(what + " unpacks to more than " + limit
                    + " bytes, the fetch limit (cartage.fetch.max-body-size)");
        }
    }
}
