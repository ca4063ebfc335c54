package io.prescient.core.text;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A stream that refuses, with {@link Exceeded}, a line longer than {@code maxLineBytes} and more than
 * {@code maxBytes} in all, so that no input (a gzip bomb, a file with no line breaks) is buffered
 * whole before it is rejected.
 */
final class LimitedInput extends FilterInputStream {

    /** A limit was passed: what was found and what was expected, for the located error. */
    static final class Exceeded extends IOException {

        private static final long serialVersionUID = 1L;
        private final String found;
        private final String expected;

        Exceeded(String found, String expected) {
            super(found + "; expected " + expected);
            this.found = found;
            this.expected = expected;
        }

        String found() {
            return found;
        }

        String expected() {
            return expected;
        }
    }

    private final long maxLineBytes;
    private final long maxBytes;
    private long line;
    private long total;

    LimitedInput(InputStream in, long maxLineBytes, long maxBytes) {
        super(in);
        this.maxLineBytes = maxLineBytes;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            count(buffer[offset + i]);
        }
        return n;
    }

    private void count(byte b) throws Exceeded {
        total++;
        line = b == '\n' ? 0 : line + 1;
        if (line > maxLineBytes) {
            throw new Exceeded("a line of more than " + maxLineBytes + " bytes", String.format(Locale.ROOT,
                    "lines of at most %d bytes (is it delimited text?)", maxLineBytes));
        }
        if (total > maxBytes) {
            throw new Exceeded("more than " + maxBytes + " bytes when decompressed", String.format(Locale.ROOT,
                    "at most %d times the compressed size and %d MiB (a decompression bomb? decompress a large file and pass it "
                    + "plain)", DelimitedLines.MAX_GZIP_RATIO, DelimitedLines.MAX_GZIP_BYTES >> 20));
        }
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes are not looked at; read them instead so that the limits hold
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }
}
