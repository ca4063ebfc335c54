package io.prescient.io.read;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.Unit;
import io.prescient.core.grid.GridBuilder;
import io.prescient.core.grid.GridRules;
import io.prescient.core.grid.GriddedColumns;
import io.prescient.core.grid.Repairs;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads generic CSV in two layouts.
 * <ul>
 *   <li>Long: {@code series_id,timestamp,value[,covariate...]}; rows of several series may
 *       interleave. Each series id is an item; the value column and every covariate column are
 *       metrics of it, named by their headers (or {@link CsvOptions#metric()} for the value).</li>
 *   <li>Wide: {@code timestamp,col1,col2,...}; each column is an item (or a metric of one item named
 *       after the file, see {@link CsvOptions#wideColumns()}).</li>
 * </ul>
 * All series of a file share its grid rules; by default every defect is rejected (see {@link CsvOptions#repair()}).
 */
public final class CsvReader implements SeriesReader {

    private static final Set<String> ID_HEADERS = Set.of("series_id", "item_id", "id", "series");

    private final CsvOptions options;

    public CsvReader(CsvOptions options) {
        this.options = options;
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public ReadResult read(Path file) {
        String source = file.toString();
        FieldParser parser = new FieldParser(source, options.timeUnit());
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header line (the file is empty)"));
            }
            checkHeader(header, source);
            boolean longLayout = options.layout() == CsvOptions.Layout.LONG || options.layout() == CsvOptions.Layout.AUTO
                    && ID_HEADERS.contains(header.get(0).toLowerCase(Locale.ROOT));
            return longLayout ? readLong(file, header, lines, parser) : readWide(file, header, lines, parser);
        }
    }

    private ReadResult readLong(Path file, List<String> header, DelimitedLines lines, FieldParser parser) {
        String source = file.toString();
        if (header.size() < 3) {
            throw new InvalidInputException(new InputProblem(source, 1, "", String.join(",", header),
                    "a long-layout header 'series_id,timestamp,value[,covariate...]' of at least 3 columns"));
        }
        List<String> valueHeaders = header.subList(2, header.size());
        List<Unit> units = valueHeaders.stream().map(options::unitOf).toList();
        Map<String, GridBuilder> builders = new LinkedHashMap<>();
        double[] row = new double[valueHeaders.size()];
        long rows = 0;
        List<String> fields;
        while ((fields = lines.next()) != null) {
            long line = lines.lineNumber();
            parser.requireWidth(fields, header.size(), line);
            String id = fields.get(0);
            if (id.isEmpty()) {
                throw new InvalidInputException(new InputProblem(source, line, header.get(0), "", "a series id"));
            }
            long t = parser.epochSeconds(fields.get(1), line, header.get(1));
            for (int c = 0; c < row.length; c++) {
                row[c] = parser.value(fields.get(c + 2), line, valueHeaders.get(c), units.get(c));
            }
            builders.computeIfAbsent(id, k -> new GridBuilder(source, header.get(1), row.length))
                    .add(t, line, row);
            rows++;
        }
        requireRows(rows, source);
        String dataset = datasetOf(file);
        List<RegularSeries> series = new ArrayList<>();
        Repairs repairs = Repairs.NONE;
        for (Map.Entry<String, GridBuilder> e : builders.entrySet()) {
            GriddedColumns gridded = e.getValue().build(rules());
            repairs = repairs.plus(gridded.repairs());
            for (int c = 0; c < valueHeaders.size(); c++) {
                String metric = c == 0 && options.metric() != null ? options.metric() : valueHeaders.get(c);
                Map<String, String> labels = c == 0 ? Map.of("format", "csv", "role", "target")
                        : Map.of("format", "csv", "role", "covariate");
                series.add(new RegularSeries(info(source, dataset, e.getKey(), metric, units.get(c), labels),
                        gridded.grid(), gridded.columns()[c]));
            }
        }
        return new ReadResult(source, series, rows, repairs);
    }

    private ReadResult readWide(Path file, List<String> header, DelimitedLines lines, FieldParser parser) {
        String source = file.toString();
        if (header.size() < 2) {
            throw new InvalidInputException(new InputProblem(source, 1, "", String.join(",", header),
                    "a wide-layout header 'timestamp,col1[,col2...]' of at least 2 columns"));
        }
        List<String> valueHeaders = header.subList(1, header.size());
        List<Unit> units = valueHeaders.stream().map(options::unitOf).toList();
        GridBuilder builder = new GridBuilder(source, header.get(0), valueHeaders.size());
        double[] row = new double[valueHeaders.size()];
        List<String> fields;
        while ((fields = lines.next()) != null) {
            long line = lines.lineNumber();
            parser.requireWidth(fields, header.size(), line);
            long t = parser.epochSeconds(fields.get(0), line, header.get(0));
            for (int c = 0; c < row.length; c++) {
                row[c] = parser.value(fields.get(c + 1), line, valueHeaders.get(c), units.get(c));
            }
            builder.add(t, line, row);
        }
        requireRows(builder.rows(), source);
        GriddedColumns gridded = builder.build(rules());
        String dataset = datasetOf(file);
        String stem = FileNames.stem(file);
        boolean columnsAreItems = options.wideColumns() == CsvOptions.WideColumns.ITEMS;
        List<RegularSeries> series = new ArrayList<>();
        for (int c = 0; c < valueHeaders.size(); c++) {
            String item = columnsAreItems ? valueHeaders.get(c) : stem;
            String metric = columnsAreItems ? (options.metric() != null ? options.metric() : "value") : valueHeaders.get(c);
            series.add(new RegularSeries(info(source, dataset, item, metric, units.get(c), Map.of("format", "csv")),
                    gridded.grid(), gridded.columns()[c]));
        }
        return new ReadResult(source, series, builder.rows(), gridded.repairs());
    }

    private GridRules rules() {
        return options.repair() ? GridRules.lenient(options.stepSeconds()) : GridRules.strict(options.stepSeconds());
    }

    private String datasetOf(Path file) {
        return options.dataset() != null ? options.dataset() : FileNames.folderName(file);
    }

    private static SeriesInfo info(String source, String dataset, String item, String metric, Unit unit,
                                   Map<String, String> labels) {
        try {
            return new SeriesInfo(new SeriesKey(dataset, item, metric), unit, labels);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new InputProblem(source, 1, "", item + "/" + metric,
                    "names without '/' or control characters (" + e.getMessage() + ")"), e);
        }
    }

    private static void checkHeader(List<String> header, String source) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                throw new InvalidInputException(new InputProblem(source, 1, "column " + (i + 1), "",
                        "a column name in the header"));
            }
            if (!seen.add(name)) {
                throw new InvalidInputException(new InputProblem(source, 1, "column " + (i + 1), name,
                        "column names that differ from each other"));
            }
        }
    }

    private static void requireRows(long rows, String source) {
        if (rows == 0) {
            throw new InvalidInputException(InputProblem.ofSource(source, "at least one data row after the header"));
        }
    }
}
