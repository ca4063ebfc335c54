package io.prescient.io.read;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.Unit;
import io.prescient.core.grid.GridBuilder;
import io.prescient.core.grid.GridRules;
import io.prescient.core.grid.GriddedColumns;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Numenta Anomaly Benchmark file: header {@code timestamp,value}, timestamps as naive
 * date-times (taken as UTC). The item is the file name without extension; the metric and unit come
 * from the name where it says what was measured ({@code cpu_utilization} in %, {@code network_in}
 * and {@code disk_write_bytes} in bytes, {@code request_count} as a count), else metric {@code value}
 * with an unknown unit.
 *
 * <p>The step is the most common gap between rows unless given. Rows must be in time order. Two
 * defects of the published AWS files are repaired and counted: duplicate timestamps (the first row is
 * kept) and times between steps (floored to their step on the first row's phase); both occur at a
 * daylight-saving change in {@code ec2_disk_write_bytes_1ef3de} and {@code ec2_network_in_5abac7}.
 */
public final class NabReader implements SeriesReader {

    private static final List<String> HEADER = List.of("timestamp", "value");

    private final String dataset;
    private final long stepSeconds;

    /**
     * @param dataset     the dataset name, or null for the name of each file's folder
     * @param stepSeconds the grid step, or 0 to infer it
     */
    public NabReader(String dataset, long stepSeconds) {
        this.dataset = dataset;
        this.stepSeconds = stepSeconds;
    }

    @Override
    public Format format() {
        return Format.NAB;
    }

    @Override
    public ReadResult read(Path file) {
        String source = file.toString();
        String item = FileNames.stem(file);
        MetricGuess guess = MetricGuess.fromName(item);
        FieldParser parser = new FieldParser(source, FieldParser.TimeUnitMode.AUTO);
        GridBuilder builder = new GridBuilder(source, HEADER.get(0), 1);
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header line 'timestamp,value' (the file is empty)"));
            }
            if (!header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
                throw new InvalidInputException(new InputProblem(source, 1, "", String.join(",", header),
                        "the NAB header 'timestamp,value'"));
            }
            double[] row = new double[1];
            List<String> fields;
            while ((fields = lines.next()) != null) {
                long line = lines.lineNumber();
                parser.requireWidth(fields, 2, line);
                long t = parser.epochSeconds(fields.get(0), line, HEADER.get(0));
                row[0] = parser.value(fields.get(1), line, HEADER.get(1), guess.unit());
                builder.add(t, line, row);
            }
        }
        GridRules rules = new GridRules(stepSeconds, GridRules.Anchor.FIRST_ROW, GridRules.OnUnsorted.REJECT,
                GridRules.OnDuplicate.KEEP_FIRST, GridRules.OnOffGrid.FLOOR_TO_BIN);
        GriddedColumns gridded = builder.build(rules);
        String datasetName = dataset != null ? dataset : FileNames.folderName(file);
        SeriesInfo info = new SeriesInfo(new SeriesKey(datasetName, item, guess.metric()), guess.unit(),
                Map.of("format", "nab"));
        return new ReadResult(source, List.of(new RegularSeries(info, gridded.grid(), gridded.columns()[0])),
                builder.rows(), gridded.repairs());
    }

    /** Metric and unit as told by a NAB file name. */
    record MetricGuess(String metric, Unit unit) {

        static MetricGuess fromName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("cpu_utilization")) {
                return new MetricGuess("cpu_utilization", Unit.PERCENT);
            }
            if (lower.contains("network_in") || lower.contains("networkin")) {
                return new MetricGuess("network_in", Unit.BYTES);
            }
            if (lower.contains("disk_write_bytes")) {
                return new MetricGuess("disk_write_bytes", Unit.BYTES);
            }
            if (lower.contains("request_count")) {
                return new MetricGuess("request_count", Unit.COUNT);
            }
            return new MetricGuess("value", Unit.UNKNOWN);
        }
    }
}
