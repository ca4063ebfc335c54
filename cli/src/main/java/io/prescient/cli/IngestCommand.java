package io.prescient.cli;

import io.prescient.core.Steps;
import io.prescient.core.Unit;
import io.prescient.core.store.SeriesStore;
import io.prescient.core.validation.InputProblem;
import io.prescient.io.ingest.IngestReport;
import io.prescient.io.ingest.Ingestor;
import io.prescient.io.ingest.SourceFiles;
import io.prescient.io.read.CsvOptions;
import io.prescient.io.read.CsvReader;
import io.prescient.io.read.FieldParser;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;
import io.prescient.io.read.NabReader;
import io.prescient.io.read.SeriesReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code prescient ingest}: reads files into the store, one atomic write per file. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read a file or a directory of files into the store.",
                "Each file is validated completely before anything of it is written, and is written in one "
                        + "transaction: a rejected file leaves the store as it was. Re-ingesting the same data "
                        + "changes nothing. Exit code 1 when any file was rejected."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "<path>", description = "A file, a directory whose .csv/.csv.gz files are read (not recursively), or - for "
            + "standard input (dataset 'stdin' unless --dataset).")
    Path path;

    @Option(names = {"-f", "--format"}, defaultValue = "auto", paramLabel = "auto|csv|nab|gwa|genai",
            description = "csv: generic long or wide CSV; nab: NAB timestamp,value; gwa: GWA-T-12 Bitbrains VM traces; genai: the "
                    + "GenAI serving trace; auto: detected from the files (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--dataset", description = "Dataset name. Default: the name of the files' folder.")
    String dataset;

    @Option(names = "--step", description = "Grid step (300, 5m, 1h) for csv and nab. Default: the most common gap between rows. "
            + "gwa always uses 5m.")
    String step;

    @Option(names = "--unit", defaultValue = "unknown",
            description = "csv: unit of every value column, e.g. requests/s, %%, MHz, bytes/s, GPU-hours (default: ${DEFAULT-VALUE}).")
    String unit;

    @Option(names = "--unit-of", paramLabel = "<column>=<unit>", description = "csv: unit of one column, repeatable.")
    Map<String, String> unitOf = new LinkedHashMap<>();

    @Option(names = "--layout", defaultValue = "auto", description = "csv: auto, long or wide (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--wide-columns", defaultValue = "items",
            description = "csv wide layout: columns are 'items' (workloads) or 'metrics' of one item named after the file "
                    + "(default: ${DEFAULT-VALUE}).")
    String wideColumns;

    @Option(names = "--metric", description = "csv: metric name of the value column (long) or of every column (wide items).")
    String metric;

    @Option(names = "--time-unit", defaultValue = "auto",
            description = "csv: numeric timestamps are s, ms, or auto (>= 1e11 means ms) (default: ${DEFAULT-VALUE}).")
    String timeUnit;

    @Option(names = "--repair", description = "csv: sort rows, keep the first row of a step and floor times to their step, "
            + "instead of rejecting unsorted, duplicate and off-step rows.")
    boolean repair;

    @Option(names = "--threads", description = "Parsing threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-fast", description = "Stop at the first rejected file.")
    boolean failFast;

    @Option(names = "--replace", description = "Let a file replace a stored series with one covering less time (without it, "
            + "such a file, a truncated re-ingest, is rejected and the stored series kept).")
    boolean replace;

    @picocli.CommandLine.Mixin
    OutputOption output;

    private final CliEnvironment environment;

    public IngestCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        output.json();
        if (StandardInput.DASH.equals(path.toString())) {
            path = StandardInput.file(System.in);
        }
        Format fmt = "auto".equalsIgnoreCase(format) ? Format.detect(path) : Format.parse(format);
        SeriesReader reader = reader(fmt);
        List<Path> files = SourceFiles.of(path, fmt);
        PrintWriter out = spec.commandLine().getOut();
        IngestReport report;
        String location;
        try (SeriesStore s = environment.openStore(store.file(), false);
             Progress progress = Progress.of("ingest", files.size(), System.console() != null)) {
            location = s.location();
            report = new Ingestor(s, reader, threads, failFast, replace).ingest(files, progress::stepTo);
        }
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", report.files());
            m.put("rows", report.rows());
            m.put("added", report.written().added());
            m.put("replaced", report.written().replaced());
            m.put("unchanged", report.written().unchanged());
            m.put("points", report.written().points());
            m.put("repairs", Map.of("reordered", report.repairs().reordered(), "dropped", report.repairs().dropped(),
                    "floored", report.repairs().floored()));
            m.put("rejected", report.rejected().stream().map(p -> Map.of("file", p.source(), "line", p.line(), "field", p.field(),
                    "expected", p.expected(), "message", p.message())).toList());
            m.put("seconds", report.elapsed().toMillis() / 1000.0);
            m.put("store", location);
            output.print(out, m);
        } else {
            print(out, report, location);
        }
        return report.allStored() ? 0 : 1;
    }

    private SeriesReader reader(Format fmt) {
        long stepSeconds = step == null ? 0 : Steps.parseSeconds(step);
        return switch (fmt) {
            case GWA -> new GwaReader(dataset);
            case NAB -> new NabReader(dataset, stepSeconds);
            case CSV -> new CsvReader(csvOptions(stepSeconds));
            case GENAI -> new io.prescient.io.read.GenAiReader(dataset);
        };
    }

    private CsvOptions csvOptions(long stepSeconds) {
        Map<String, Unit> units = new LinkedHashMap<>();
        unitOf.forEach((column, symbol) -> units.put(column, Unit.of(symbol)));
        FieldParser.TimeUnitMode mode = switch (timeUnit.toLowerCase(Locale.ROOT)) {
            case "auto" -> FieldParser.TimeUnitMode.AUTO;
            case "s", "seconds" -> FieldParser.TimeUnitMode.SECONDS;
            case "ms", "milliseconds" -> FieldParser.TimeUnitMode.MILLISECONDS;
            default -> throw new IllegalArgumentException("--time-unit '" + timeUnit + "': expected auto, s or ms");
        };
        return new CsvOptions(dataset, parseEnum(CsvOptions.Layout.class, layout, "--layout"),
                parseEnum(CsvOptions.WideColumns.class, wideColumns, "--wide-columns"), metric, Unit.of(unit), units,
                stepSeconds, mode, repair);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT), e);
        }
    }

    private static void print(PrintWriter out, IngestReport r, String location) {
        out.printf(Locale.ROOT, "stored %d file(s), %d rows: %d series added, %d replaced, %d unchanged; %d points written%n",
                r.files(), r.rows(), r.written().added(), r.written().replaced(), r.written().unchanged(),
                r.written().points());
        if (r.repairs().any()) {
            List<String> parts = new java.util.ArrayList<>();
            if (r.repairs().reordered() > 0) {
                parts.add(r.repairs().reordered() + " rows out of time order sorted");
            }
            if (r.repairs().dropped() > 0) {
                parts.add(r.repairs().dropped() + " rows dropped because an earlier row filled their step");
            }
            if (r.repairs().floored() > 0) {
                parts.add(r.repairs().floored() + " times between steps floored to their step");
            }
            out.println("repaired: " + String.join("; ", parts));
        }
        for (InputProblem p : r.rejected()) {
            out.println("rejected: " + p.message());
        }
        out.printf(Locale.ROOT, "took %.1f s, peak heap %s; store %s (%s)%n", r.elapsed().toMillis() / 1000.0,
                Formats.megabytes(peakHeapBytes()), location, Formats.megabytes(storeBytes(location)));
    }

    /** Sum of the heap pools' peak usage since the JVM started: an upper bound of the peak heap. */
    static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u == null ? 0 : u.getUsed()).sum();
    }

    private static long storeBytes(String location) {
        Path file = Path.of(location);
        long size = 0;
        for (Path p : List.of(file, Path.of(location + ".wal"))) {
            try {
                size += java.nio.file.Files.exists(p) ? java.nio.file.Files.size(p) : 0;
            } catch (java.io.IOException e) {
                return -1;
            }
        }
        return size;
    }
}
