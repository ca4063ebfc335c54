package io.prescient.io.read;

import io.prescient.core.Unit;

import java.util.Map;

/**
 * How a generic CSV file is read.
 *
 * @param dataset      the dataset name, or null for the name of the file's folder
 * @param layout       long, wide, or detect from the header (long when the first column is named
 *                     {@code series_id}, {@code item_id}, {@code id} or {@code series})
 * @param wideColumns  in the wide layout, whether columns are items (with metric {@code metric}) or
 *                     metrics of one item named after the file
 * @param metric       the metric of the value column (long) or of every column (wide, as items); null
 *                     for the column's header (long) or {@code value} (wide)
 * @param unit         the unit of every value column not named in {@code columnUnits}
 * @param columnUnits  units by column header
 * @param stepSeconds  the grid step, or 0 to infer it as the most common gap
 * @param timeUnit     how numeric timestamps are read
 * @param repair       false: reject unsorted rows, duplicate timestamps and times off the step;
 *                     true: sort, keep the first row of a step, floor times to their step
 */
public record CsvOptions(String dataset, Layout layout, WideColumns wideColumns, String metric, Unit unit,
                         Map<String, Unit> columnUnits, long stepSeconds, FieldParser.TimeUnitMode timeUnit,
                         boolean repair) {

    /** Where series are in the file. */
    public enum Layout { AUTO, LONG, WIDE }

    /** What the columns of a wide file are. */
    public enum WideColumns { ITEMS, METRICS }

    public CsvOptions {
        columnUnits = columnUnits == null ? Map.of() : Map.copyOf(columnUnits);
        if (layout == null || wideColumns == null || unit == null || timeUnit == null) {
            throw new IllegalArgumentException("layout, wide columns, unit and time unit must be given");
        }
        if (stepSeconds < 0) {
            throw new IllegalArgumentException("step must not be negative, got " + stepSeconds);
        }
    }

    /** Strict defaults: detect the layout, unknown unit, inferred step, no repairs. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, Layout.AUTO, WideColumns.ITEMS, null, Unit.UNKNOWN, Map.of(), 0,
                FieldParser.TimeUnitMode.AUTO, false);
    }

    /** The unit of the column with this header. */
    public Unit unitOf(String header) {
        return columnUnits.getOrDefault(header, unit);
    }
}
