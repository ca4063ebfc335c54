package io.prescient.io.read;

import io.prescient.core.Unit;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the fields of one file, turning every bad field into an {@link InvalidInputException} that
 * names the file, line and field.
 *
 * <p>Values: decimal numbers; an empty field or {@code NaN}, {@code NA}, {@code null}, {@code -}
 * means missing. Infinities are rejected, and so are negative values in a unit that forbids them.
 *
 * <p>Timestamps: ISO-8601 date-times with an offset or {@code Z}; without one they are taken as UTC
 * (a space may stand for the {@code T}); a bare date is midnight UTC. Numbers are Unix time, in
 * seconds or milliseconds as {@link TimeUnitMode} says; fractions of a second are floored.
 */
public final class FieldParser {

    /** How numeric timestamps are read. */
    public enum TimeUnitMode {
        /** Numbers of magnitude 1e11 or more are milliseconds, smaller ones seconds (1e11 s is the year 5138). */
        AUTO,
        SECONDS,
        MILLISECONDS
    }

    private static final Set<String> MISSING = Set.of("", "nan", "na", "n/a", "null", "none", "-");
    private static final double MILLIS_THRESHOLD = 1e11;

    private final String source;
    private final TimeUnitMode timeUnit;

    public FieldParser(String source, TimeUnitMode timeUnit) {
        this.source = source;
        this.timeUnit = timeUnit;
    }

    /** A value in {@code unit}; NaN for a missing-value token. */
    public double value(String token, long line, String field, Unit unit) {
        if (MISSING.contains(token.toLowerCase(Locale.ROOT))) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(new InputProblem(source, line, field, token,
                    "a decimal number (or empty/NaN for a missing value)"));
        }
        if (Double.isInfinite(v) || Double.isNaN(v) && !token.equalsIgnoreCase("nan")) {
            throw new InvalidInputException(new InputProblem(source, line, field, token, "a finite number"));
        }
        if (!unit.admits(v)) {
            throw new InvalidInputException(new InputProblem(source, line, field, token,
                    "a value of 0 or more (unit " + unit + " cannot be negative)"));
        }
        return v;
    }

    /** The earliest and latest times a file may hold (1900 and 2200): beyond them a timestamp is a fault, and grids overflow. */
    public static final long MIN_TIME = -2_208_988_800L;
    public static final long MAX_TIME = 7_258_118_400L;

    /** A timestamp in epoch seconds, between {@link #MIN_TIME} and {@link #MAX_TIME}. */
    public long epochSeconds(String token, long line, String field) {
        long t = parsedTime(token, line, field);
        if (t < MIN_TIME || t > MAX_TIME) {
            throw new InvalidInputException(new InputProblem(source, line, field, token, "a time between 1900 and 2200 "
                    + "(is the time unit right, seconds vs milliseconds?)"));
        }
        return t;
    }

    private long parsedTime(String token, long line, String field) {
        if (token.isEmpty()) {
            throw badTime(token, line, field);
        }
        char first = token.charAt(0);
        boolean numeric = Character.isDigit(first) || first == '-' || first == '+' || first == '.';
        if (numeric && token.indexOf('-', 1) < 0 && token.indexOf(':') < 0) {
            return numericTime(token, line, field);
        }
        try {
            return OffsetDateTime.parse(token.replace(' ', 'T')).toEpochSecond();
        } catch (java.time.DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(token.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
            } catch (java.time.DateTimeException notLocal) {
                try {
                    return LocalDate.parse(token).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                } catch (java.time.DateTimeException notDate) {
                    throw badTime(token, line, field);
                }
            }
        }
    }

    private long numericTime(String token, long line, String field) {
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw badTime(token, line, field);
        }
        if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
            throw new InvalidInputException(new InputProblem(source, line, field, token, "a time between 1900 and 2200 "
                    + "(is the time unit right, seconds vs milliseconds?)"));
        }
        boolean millis = timeUnit == TimeUnitMode.MILLISECONDS
                || timeUnit == TimeUnitMode.AUTO && Math.abs(v) >= MILLIS_THRESHOLD;
        return (long) Math.floor(millis ? v / 1000 : v);
    }

    private InvalidInputException badTime(String token, long line, String field) {
        return new InvalidInputException(new InputProblem(source, line, field, token,
                "an ISO-8601 date-time (e.g. 2014-02-14T14:30:00Z) or Unix seconds or milliseconds"));
    }

    /** Rejects a row whose field count differs from the header's. */
    public void requireWidth(List<String> fields, int expected, long line) {
        if (fields.size() != expected) {
            throw new InvalidInputException(new InputProblem(source, line, "", fields.size() + " fields",
                    expected + " fields as in the header"));
        }
    }

    /** For error messages: a time as ISO-8601. */
    public static String iso(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
