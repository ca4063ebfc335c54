package io.prescient.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * A series' identity and description: its key, unit and free-form labels (service, team, region,
 * source file, ...). Labels are sorted by name.
 */
public record SeriesInfo(SeriesKey key, Unit unit, Map<String, String> labels) {

    public SeriesInfo {
        if (key == null || unit == null) {
            throw new IllegalArgumentException("series key and unit are required");
        }
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public SeriesInfo(SeriesKey key, Unit unit) {
        this(key, unit, Map.of());
    }

    /** The same description with one more label (replacing any of that name). */
    public SeriesInfo withLabel(String name, String value) {
        Map<String, String> copy = new TreeMap<>(labels);
        copy.put(name, value);
        return new SeriesInfo(key, unit, copy);
    }
}
