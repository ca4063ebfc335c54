package io.prescient.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes grid steps as people write them: {@code 300}, {@code 300s}, {@code 5m}, {@code 1h}, {@code 1d}. */
public final class Steps {

    private static final Pattern STEP = Pattern.compile("(\\d+)\\s*(s|sec|m|min|t|h|d)?");

    private Steps() {
    }

    /**
     * Seconds in a step.
     *
     * @throws IllegalArgumentException if the text is not a positive whole number with an optional unit
     */
    public static long parseSeconds(String text) {
        Matcher m = STEP.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("step '" + text + "' is not a duration like 300, 300s, 5m, 1h or 1d");
        }
        long seconds;
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            seconds = switch (unit) {
                case "m", "min", "t" -> Math.multiplyExact(n, 60);
                case "h" -> Math.multiplyExact(n, 3600);
                case "d" -> Math.multiplyExact(n, 86400);
                default -> n;
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("step '" + text + "' is longer than any clock counts");
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException("step '" + text + "' must be positive");
        }
        return seconds;
    }

    /**
     * The daily season on a grid of {@code stepSeconds}: steps per day, rounded, at least 1 (a 5-minute
     * grid: 288; a 7-minute grid: 206; a daily or coarser grid: 1, no season). The one formula every
     * model, the loop, training and evaluation use.
     */
    public static int season(long stepSeconds) {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("step must be positive, got " + stepSeconds + " s");
        }
        return (int) Math.max(1, Math.round(86_400.0 / stepSeconds));
    }

    /** The shortest of {@code 1d}, {@code 1h}, {@code 5m}, {@code 30s} that states the step exactly. */
    public static String format(long seconds) {
        if (seconds % 86400 == 0) {
            return seconds / 86400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
