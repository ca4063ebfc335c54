package io.prescient.io.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks the regular files of a gzip'd POSIX (ustar) tar into a folder: the 512-byte header's name and
 * octal size, the data padded to 512 bytes, two zero blocks at the end. Enough for the Alibaba
 * traces as delivered; links, long names and sparse files are refused with the member's name.
 */
final class TarMembers {

    private TarMembers() {
    }

    /** @return the files written, in the archive's order */
    static List<Path> unpack(Path archive, Path into) throws IOException {
        List<Path> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && !zero(header)) {
                String name = field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
                char type = (char) header[156];
                if (type != '0' && type != 0) {
                    throw new IOException(archive + ": member '" + name + "' is of tar type '" + type
                            + "', expected a regular file");
                }
                String file = Path.of(name).getFileName().toString();
                if (file.isEmpty() || file.startsWith(".")) {
                    throw new IOException(archive + ": member name '" + name + "' is not a plain file name");
                }
                Path target = into.resolve(file);
                Files.copy(new Bounded(in, size), target, StandardCopyOption.REPLACE_EXISTING);
                out.add(target);
                long pad = (512 - size % 512) % 512;
                in.skipNBytes(pad);
            }
        }
        return out;
    }

    private static boolean zero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] h, int from, int length) {
        int end = from;
        while (end < from + length && h[end] != 0) {
            end++;
        }
        return new String(h, from, end - from, StandardCharsets.US_ASCII).trim();
    }

    /** The next {@code remaining} bytes of a stream, without closing it. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("the archive ends inside a member");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("the archive ends inside a member");
            }
            remaining -= n;
            return n;
        }
    }
}
