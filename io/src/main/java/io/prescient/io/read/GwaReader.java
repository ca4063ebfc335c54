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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a GWA-T-12 Bitbrains VM trace: a header, then rows of 11 fields separated by ';' (a TAB
 * follows it in the published files). The first field is Unix <em>seconds</em>, whatever the header
 * says. One file is one VM: the item is the file name without extension, and each of the other ten
 * columns becomes a metric in its unit.
 *
 * <p>Rows are placed on the 5-minute grid exactly as the forecast protocol prescribes:
 * bin = floor(t / 300), a stable sort by time, and the first row of each bin kept; bins without a row
 * stay missing. Later rows in an occupied bin are dropped and counted.
 */
public final class GwaReader implements SeriesReader {

    /** The grid step of the published traces. */
    public static final long STEP_SECONDS = 300;

    /** One value column of the trace. */
    public record Column(String header, String metric, Unit unit) {
    }

    /** The ten value columns, in file order after the timestamp. */
    public static final List<Column> COLUMNS = List.of(
            new Column("CPU cores", "cpu_cores", Unit.CORES),
            new Column("CPU capacity provisioned [MHZ]", "cpu_capacity_mhz", Unit.MEGAHERTZ),
            new Column("CPU usage [MHZ]", "cpu_usage_mhz", Unit.MEGAHERTZ),
            new Column("CPU usage [%]", "cpu_usage_pct", Unit.PERCENT),
            new Column("Memory capacity provisioned [KB]", "memory_capacity_kb", Unit.KILOBYTES),
            new Column("Memory usage [KB]", "memory_usage_kb", Unit.KILOBYTES),
            new Column("Disk read throughput [KB/s]", "disk_read_kbps", Unit.KILOBYTES_PER_SECOND),
            new Column("Disk write throughput [KB/s]", "disk_write_kbps", Unit.KILOBYTES_PER_SECOND),
            new Column("Network received throughput [KB/s]", "net_rx_kbps", Unit.KILOBYTES_PER_SECOND),
            new Column("Network transmitted throughput [KB/s]", "net_tx_kbps", Unit.KILOBYTES_PER_SECOND));

    private static final int WIDTH = COLUMNS.size() + 1;
    private static final String TIME_FIELD = "Timestamp";

    private final String dataset;

    /** @param dataset the dataset name, or null for the name of each file's folder */
    public GwaReader(String dataset) {
        this.dataset = dataset;
    }

    @Override
    public Format format() {
        return Format.GWA;
    }

    @Override
    public ReadResult read(Path file) {
        String source = file.toString();
        FieldParser parser = new FieldParser(source, FieldParser.TimeUnitMode.SECONDS);
        GridBuilder builder = new GridBuilder(source, TIME_FIELD, COLUMNS.size());
        try (DelimitedLines lines = DelimitedLines.open(file, ';')) {
            checkHeader(lines.next(), source);
            double[] row = new double[COLUMNS.size()];
            List<String> fields;
            while ((fields = lines.next()) != null) {
                long line = lines.lineNumber();
                parser.requireWidth(fields, WIDTH, line);
                long t = parser.epochSeconds(fields.get(0), line, TIME_FIELD);
                for (int c = 0; c < row.length; c++) {
                    Column column = COLUMNS.get(c);
                    row[c] = parser.value(fields.get(c + 1), line, column.header(), column.unit());
                }
                builder.add(t, line, row);
            }
        }
        GriddedColumns gridded = builder.build(GridRules.firstPerEpochBin(STEP_SECONDS));
        String item = FileNames.stem(file);
        String datasetName = dataset != null ? dataset : FileNames.folderName(file);
        List<RegularSeries> series = new ArrayList<>(COLUMNS.size());
        for (int c = 0; c < COLUMNS.size(); c++) {
            Column column = COLUMNS.get(c);
            SeriesInfo info = new SeriesInfo(new SeriesKey(datasetName, item, column.metric()), column.unit(),
                    Map.of("format", "gwa", "column", column.header()));
            series.add(new RegularSeries(info, gridded.grid(), gridded.columns()[c]));
        }
        return new ReadResult(source, series, builder.rows(), gridded.repairs());
    }

    private static void checkHeader(List<String> header, String source) {
        if (header == null) {
            throw new InvalidInputException(InputProblem.ofSource(source,
                    "a GWA-T-12 header line (the file is empty)"));
        }
        if (header.size() != WIDTH || !header.get(0).startsWith(TIME_FIELD)) {
            throw new InvalidInputException(new InputProblem(source, 1, "", String.join(";", header),
                    "the GWA-T-12 header of " + WIDTH + " fields starting with '" + TIME_FIELD + " [ms]'"));
        }
    }
}
