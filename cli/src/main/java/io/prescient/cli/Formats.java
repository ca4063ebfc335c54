package io.prescient.cli;

import java.time.Instant;
import java.util.Locale;

/** Number and time formatting for command output. */
final class Formats {

    private Formats() {
    }

    static String time(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4f%%", 100 * fraction);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
