package io.prescient.io.jdbc;

import io.prescient.core.RegularSeries;

import java.nio.charset.StandardCharsets;

/** A 64-bit FNV-1a fingerprint of a series' unit, labels, grid and values, to tell an unchanged re-ingest. */
final class ContentHash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private ContentHash() {
    }

    static long of(RegularSeries series) {
        long h = OFFSET;
        h = mix(h, series.info().unit().symbol());
        h = mix(h, series.info().labels().toString());
        h = mix(h, series.grid().start());
        h = mix(h, series.grid().stepSeconds());
        h = mix(h, series.length());
        for (int i = 0; i < series.length(); i++) {
            h = mix(h, Double.doubleToLongBits(series.value(i)));
        }
        return h;
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h ^= (v >>> (8 * i)) & 0xff;
            h *= PRIME;
        }
        return h;
    }

    private static long mix(long h, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= PRIME;
        }
        return mix(h, s.length());
    }
}
