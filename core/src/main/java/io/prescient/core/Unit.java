package io.prescient.core;

import java.util.List;
import java.util.Locale;

/**
 * The unit a series is measured in. Units are explicit so that nothing is added across units by
 * mistake and so that validation knows which values are impossible: a unit of something that cannot
 * be negative (utilisation, throughput, counts) rejects negative values on ingest.
 *
 * @param symbol      short symbol as written by users and stored, e.g. {@code MHz}, {@code %}
 * @param quantity    what the unit measures, in words
 * @param nonNegative whether negative values are impossible in this unit
 */
public record Unit(String symbol, String quantity, boolean nonNegative) {

    public static final Unit UNKNOWN = new Unit("unknown", "unspecified quantity", false);
    public static final Unit PERCENT = new Unit("%", "percentage", true);
    public static final Unit RATIO = new Unit("ratio", "fraction between 0 and 1", true);
    public static final Unit MEGAHERTZ = new Unit("MHz", "CPU frequency or CPU usage", true);
    public static final Unit CORES = new Unit("cores", "CPU cores", true);
    public static final Unit KILOBYTES = new Unit("KB", "memory or storage in kilobytes", true);
    public static final Unit BYTES = new Unit("bytes", "memory, storage or traffic in bytes", true);
    public static final Unit KILOBYTES_PER_SECOND = new Unit("KB/s", "throughput in kilobytes per second", true);
    public static final Unit BYTES_PER_SECOND = new Unit("bytes/s", "throughput in bytes per second", true);
    public static final Unit REQUESTS_PER_SECOND = new Unit("requests/s", "request rate", true);
    public static final Unit TRANSACTIONS_PER_SECOND = new Unit("transactions/s", "transaction rate", true);
    public static final Unit COUNT = new Unit("count", "number of events or items", true);
    public static final Unit USERS = new Unit("users", "active users", true);
    public static final Unit REPLICAS = new Unit("replicas", "running replicas or instances", true);
    public static final Unit GPU_HOURS = new Unit("GPU-hours", "GPU time", true);

    private static final List<Unit> KNOWN = List.of(UNKNOWN, PERCENT, RATIO, MEGAHERTZ, CORES, KILOBYTES, BYTES,
            KILOBYTES_PER_SECOND, BYTES_PER_SECOND, REQUESTS_PER_SECOND, TRANSACTIONS_PER_SECOND, COUNT, USERS,
            REPLICAS, GPU_HOURS);

    /** @throws IllegalArgumentException if the symbol is blank */
    public Unit {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("unit symbol must not be blank");
        }
        if (quantity == null) {
            quantity = "";
        }
    }

    /** The units Prescient knows by name. */
    public static List<Unit> known() {
        return KNOWN;
    }

    /**
     * The known unit with this symbol (case-insensitive; {@code percent} and {@code pct} mean {@code %}),
     * or, for an unknown symbol, a unit that allows negative values unless the symbol ends in {@code /s}.
     */
    public static Unit of(String symbol) {
        String s = symbol.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("percent") || lower.equals("pct")) {
            return PERCENT;
        }
        for (Unit unit : KNOWN) {
            if (unit.symbol.equalsIgnoreCase(s)) {
                return unit;
            }
        }
        return new Unit(s, "", lower.endsWith("/s"));
    }

    /** Whether {@code value} is possible in this unit; NaN (missing) always is. */
    public boolean admits(double value) {
        return Double.isNaN(value) || !Double.isInfinite(value) && !(nonNegative && value < 0);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
