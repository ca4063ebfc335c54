package io.prescient.io.corpus;

import io.prescient.core.Aggregation;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.text.DelimitedLines;
import io.prescient.io.read.GenAiReader;
import io.prescient.io.read.GwaReader;
import io.prescient.io.read.NabReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every real series of a data folder laid out as {@code ../shared/data}, for pretraining, each at its
 * own step and resampled (means) to 3 and 12 times it where that leaves enough steps:
 * <ul>
 *   <li>{@code nab}: the CloudWatch series of {@code nab/realAWSCloudwatch} (5 minutes);</li>
 *   <li>{@code genai}: Alibaba's GenAI serving trace, every member of its tarballs (57-second ticks), per
 *       container, and requests per hour and per 10 minutes from {@code lora_request_trace.csv};</li>
 *   <li>{@code dlrm}: live instances and requested CPUs per hour and per 10 minutes, by role and for the
 *       apps with most instances, from the DLRM trace's creation and deletion times;</li>
 *   <li>{@code nezha}: the pods' CPU, memory, network, workload and latency (1 minute);</li>
 *   <li>{@code bitbrains} only when asked: the August month's CPU series up to the protocol's earliest test
 *       window, so that a model pretrained with it is never scored on what it saw.</li>
 * </ul>
 * A source that is missing is skipped and reported; a file that cannot be read is reported and the rest read.
 */
public final class PretrainingCorpus {

    /** One series and the source it came from. */
    public record Entry(String source, RegularSeries series) {
    }

    /** Steps a series needs to enter the corpus. */
    static final int MIN_LENGTH = 200;
    /** The Bitbrains August grid's first bin (protocol) and its earliest test window (5T/long: 8,640 - 2 x 720). */
    static final long BITBRAINS_START = 1375308000L;
    static final int BITBRAINS_FIRST_TEST_STEP = 7200;

    private final Consumer<String> log;

    public PretrainingCorpus(Consumer<String> log) {
        this.log = log;
    }

    public List<Entry> read(Path data, boolean withBitbrains) {
        List<Entry> out = new ArrayList<>();
        add(out, "nab", () -> nab(data.resolve("nab/realAWSCloudwatch")));
        add(out, "genai", () -> genai(data.resolve("alibaba-genai-2026")));
        add(out, "dlrm", () -> dlrm(data.resolve("alibaba-dlrm-2025/disaggregated_DLRM_trace.csv")));
        add(out, "nezha", () -> nezha(data.resolve("extra/nezha/rca_data")));
        if (withBitbrains) {
            add(out, "bitbrains", () -> bitbrains(data.resolve("bitbrains-rnd/2013-8")));
        }
        return out;
    }

    private interface Source {
        List<RegularSeries> read() throws IOException;
    }

    private void add(List<Entry> out, String name, Source source) {
        try {
            List<RegularSeries> series = source.read();
            int before = out.size();
            for (RegularSeries s : series) {
                if (observed(s) >= MIN_LENGTH) {
                    out.add(new Entry(name, s));
                    for (int factor : new int[] {3, 12}) {
                        RegularSeries coarse = s.resample(s.grid().stepSeconds() * factor, Aggregation.MEAN);
                        if (observed(coarse) >= MIN_LENGTH) {
                            out.add(new Entry(name, coarse));
                        }
                    }
                }
            }
            log.accept(String.format(java.util.Locale.ROOT, "%s: %d series, %d with resampled copies", name, series.size(),
                    out.size() - before));
        } catch (IOException | RuntimeException e) {
            log.accept(name + ": skipped (" + e.getMessage() + ")");
        }
    }

    private static int observed(RegularSeries s) {
        int n = 0;
        for (double v : s.values()) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    private List<RegularSeries> nab(Path dir) throws IOException {
        List<RegularSeries> out = new ArrayList<>();
        for (Path f : files(dir, ".csv")) {
            out.addAll(readReported(f, () -> new NabReader("nab", 0).read(f).series()));
        }
        return out;
    }

    private List<RegularSeries> genai(Path dir) throws IOException {
        List<RegularSeries> out = new ArrayList<>();
        Path temp = Files.createTempDirectory("prescient-genai");
        try {
            for (Path archive : files(dir, ".tar.gz")) {
                for (Path member : readReported(archive, () -> TarMembers.unpack(archive, temp))) {
                    out.addAll(readReported(member, () -> new GenAiReader("genai").read(member).series()));
                    Files.deleteIfExists(member);
                }
            }
        } finally {
            try (Stream<Path> left = Files.list(temp)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(temp);
        }
        Path lora = dir.resolve("lora_request_trace.csv");
        if (Files.isRegularFile(lora)) {
            out.addAll(readReported(lora, () -> lora(lora)));
        }
        return out;
    }

    /** Requests per 10 minutes (and, by resampling, per half hour and 2 hours), empty bins 0. */
    private static List<RegularSeries> lora(Path file) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Map<Long, Integer> counts = new TreeMap<>();
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            int at = header == null ? -1 : header.indexOf("gmt_create");
            if (at < 0) {
                throw new IllegalArgumentException(file + " line 1: expected a gmt_create column");
            }
            for (List<String> f = lines.next(); f != null; f = lines.next()) {
                long t;
                try {
                    t = LocalDateTime.parse(f.get(at).strip(), format).toEpochSecond(ZoneOffset.UTC);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + lines.lineNumber() + ", field 'gmt_create': found '"
                            + (at < f.size() ? f.get(at) : "") + "', expected a time such as 2024-11-15 16:57:50");
                }
                counts.merge(Math.floorDiv(t, 600), 1, Integer::sum);
            }
        }
        return List.of(counted(counts, 600, "lora", "requests"));
    }

    private static RegularSeries counted(Map<Long, ? extends Number> bins, long step, String item, String metric) {
        long first = bins.keySet().stream().min(Long::compare).orElseThrow();
        long last = bins.keySet().stream().max(Long::compare).orElseThrow();
        double[] y = new double[Math.toIntExact(last - first + 1)];
        bins.forEach((b, n) -> y[(int) (b - first)] = n.doubleValue());
        return new RegularSeries(new SeriesInfo(new SeriesKey("corpus", item, metric), Unit.UNKNOWN),
                new TimeGrid(first * step, step, y.length), y);
    }

    /**
     * Live instances and requested CPUs every 10 minutes, by role and for the 20 apps with most
     * instances: an instance is live from its creation (or the start) to its deletion (or the end).
     */
    private static List<RegularSeries> dlrm(Path file) {
        long step = 600;
        record Life(String role, String app, double cpu, double from, double to) {
        }
        List<Life> lives = new ArrayList<>();
        double end = 0;
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            int role = column(file, header, "role");
            int app = column(file, header, "app_name");
            int cpu = column(file, header, "cpu_request");
            int created = column(file, header, "creation_time");
            int deleted = column(file, header, "deletion_time");
            for (List<String> f = lines.nextRecord(header.size()); f != null; f = lines.nextRecord(header.size())) {
                double from = seconds(file, lines, header, f, created, 0.0);
                double to = seconds(file, lines, header, f, deleted, Double.NaN);
                end = Math.max(end, Math.max(from, Double.isNaN(to) ? 0 : to));
                lives.add(new Life(f.get(role), f.get(app), seconds(file, lines, header, f, cpu, null), from, to));
            }
        }
        int bins = (int) Math.ceil(end / step);
        Map<String, Integer> perApp = new LinkedHashMap<>();
        lives.forEach(l -> perApp.merge(l.app(), 1, Integer::sum));
        List<String> top = perApp.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(20).map(Map.Entry::getKey).toList();
        Map<String, double[]> instances = new TreeMap<>();
        Map<String, double[]> cpus = new TreeMap<>();
        for (Life l : lives) {
            List<String> groups = new ArrayList<>(List.of("role-" + l.role()));
            if (top.contains(l.app())) {
                groups.add(l.app());
            }
            int a = (int) Math.floor(l.from() / step);
            int b = Double.isNaN(l.to()) ? bins : Math.min(bins, (int) Math.ceil(l.to() / step));
            for (String g : groups) {
                double[] n = instances.computeIfAbsent(g, k -> new double[bins]);
                double[] c = cpus.computeIfAbsent(g, k -> new double[bins]);
                for (int t = a; t < b; t++) {
                    n[t]++;
                    c[t] += l.cpu();
                }
            }
        }
        List<RegularSeries> out = new ArrayList<>();
        instances.forEach((g, n) -> out.add(new RegularSeries(new SeriesInfo(new SeriesKey("dlrm", g, "instances"), Unit.UNKNOWN),
                new TimeGrid(0, step, n.length), n)));
        cpus.forEach((g, c) -> out.add(new RegularSeries(new SeriesInfo(new SeriesKey("dlrm", g, "cpu_request"), Unit.UNKNOWN),
                new TimeGrid(0, step, c.length), c)));
        return out;
    }

    /** Per pod (one file each), the columns below, on a one-minute grid from the {@code Time} text. */
    private List<RegularSeries> nezha(Path root) throws IOException {
        List<String> metrics = List.of("CpuUsage(m)", "MemoryUsage(Mi)", "NetworkReceiveBytes", "NetworkTransmitBytes",
                "PodWorkload(Ops)", "PodServerLatencyP95(s)");
        List<RegularSeries> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith("_metric.csv")).sorted().toList();
        }
        for (Path f : files) {
            out.addAll(readReported(f, () -> nezhaFile(f, metrics)));
        }
        return out;
    }

    private static List<RegularSeries> nezhaFile(Path file, List<String> metrics) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Map<String, Map<Long, Double>> values = new LinkedHashMap<>();
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            int time = column(file, header, "Time");
            for (List<String> f = lines.nextRecord(header.size()); f != null; f = lines.nextRecord(header.size())) {
                String text = f.get(time);
                if (text.length() < 19) {
                    throw new IllegalArgumentException(file + " line " + lines.lineNumber() + ": Time '" + text
                            + "' is not yyyy-MM-dd HH:mm:ss...");
                }
                long minute = Math.floorDiv(LocalDateTime.parse(text.substring(0, 19), format).toEpochSecond(ZoneOffset.UTC), 60);
                for (String m : metrics) {
                    int at = header.indexOf(m);
                    if (at >= 0 && !f.get(at).isBlank()) {
                        values.computeIfAbsent(m, k -> new TreeMap<>()).putIfAbsent(minute, Double.parseDouble(f.get(at)));
                    }
                }
            }
        }
        String pod = file.getFileName().toString().replace("_metric.csv", "");
        List<RegularSeries> out = new ArrayList<>();
        values.forEach((m, byMinute) -> {
            RegularSeries s = counted(byMinute, 60, pod, m);
            double[] y = s.values();
            for (int i = 0; i < y.length; i++) {
                if (!byMinute.containsKey(s.grid().start() / 60 + i)) {
                    y[i] = Double.NaN;
                }
            }
            out.add(new RegularSeries(new SeriesInfo(new SeriesKey("nezha", pod, m), Unit.UNKNOWN), s.grid(), y));
        });
        return out;
    }

    /** The CPU series of every VM, cut before the protocol's earliest test window. */
    private List<RegularSeries> bitbrains(Path dir) throws IOException {
        long cut = BITBRAINS_START + BITBRAINS_FIRST_TEST_STEP * GwaReader.STEP_SECONDS;
        List<RegularSeries> out = new ArrayList<>();
        for (Path f : files(dir, ".csv.gz")) {
            for (RegularSeries s : readReported(f, () -> new GwaReader("bitbrains").read(f).series())) {
                String metric = s.key().metric();
                if ((metric.equals("cpu_usage_mhz") || metric.equals("cpu_usage_pct")) && s.grid().start() < cut) {
                    int keep = (int) Math.min(s.length(), (cut - s.grid().start()) / s.grid().stepSeconds());
                    out.add(s.slice(0, keep));
                }
            }
        }
        return out;
    }

    /** A number of 0 or more in field {@code at}; when it is empty {@code blank}, or an error if that is null. */
    private static double seconds(Path file, DelimitedLines lines, List<String> header, List<String> f, int at, Double blank) {
        String text = f.get(at).strip();
        if (text.isEmpty() && blank != null) {
            return blank;
        }
        try {
            double v = Double.parseDouble(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " line " + lines.lineNumber() + ", field '" + header.get(at) + "': found '" + text
                + "', expected a number of 0 or more" + (blank == null ? "" : " or nothing"));
    }

    private static int column(Path file, List<String> header, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException(file + " line 1: expected a column '" + name + "' in " + header);
        }
        return at;
    }

    private interface Reading<T> {
        List<T> read() throws IOException;
    }

    /** The file's series, or none with the reason logged: one unreadable file does not stop the corpus. */
    private <T> List<T> readReported(Path file, Reading<T> reading) {
        try {
            return reading.read();
        } catch (IOException | RuntimeException e) {
            log.accept("  " + file + ": skipped (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not there");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted(Comparator.naturalOrder()).toList();
        }
    }
}
