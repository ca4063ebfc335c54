package io.prescient.feedback.history;

import java.util.List;
import java.util.Locale;

/**
 * The columns a history may have, each known by its name and a few aliases (case, spaces, dashes
 * and the British or American spelling do not matter). Only date, demand and capacity are needed;
 * the latent ones (base demand, efficiency gains, delivery shock) are used when an organisation has
 * them and estimated when it does not.
 */
public enum HistoryColumn {
    DATE(true, "date", "day", "week", "week_start", "timestamp"),
    DEMAND(true, "demand", "actual_demand", "usage", "used", "consumption"),
    CAPACITY(true, "capacity", "allocated_capacity", "allocated", "provisioned", "quota"),
    LAUNCHES(false, "launches", "planned_launches", "launches_planned", "releases"),
    DELAYS(false, "delays", "delayed_launches", "launches_delayed", "delayed"),
    UTILISATION(false, "utilisation", "utilization"),
    OUTAGE(false, "outage", "outages", "capacity_outage"),
    BASE_DEMAND(false, "base_demand"),
    EFFICIENCY(false, "efficiency", "efficiency_gains"),
    DELIVERY_SHOCK(false, "delivery_shock", "slipped", "delivery_slipped"),
    PRESSURE(false, "utilisation_pressure", "utilization_pressure");

    private final boolean required;
    private final List<String> names;

    HistoryColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    public boolean required() {
        return required;
    }

    /** The name it is written under. */
    public String key() {
        return names.get(0);
    }

    public List<String> names() {
        return names;
    }

    /** Whether a header cell names this column. */
    boolean matches(String header) {
        return names.contains(normalise(header));
    }

    /** The column a user names in a mapping such as {@code demand=gpu_hours}. */
    public static HistoryColumn named(String role) {
        for (HistoryColumn c : values()) {
            if (c.matches(role)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no history column '" + role + "': expected one of " + java.util.Arrays.stream(values())
                .map(HistoryColumn::key).toList());
    }

    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
