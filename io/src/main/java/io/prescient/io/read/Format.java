package io.prescient.io.read;

import io.prescient.core.text.DelimitedLines;
import java.util.List;
import java.util.Locale;

/** The file formats Prescient reads. */
public enum Format {
    /** Generic CSV, long ({@code series_id,timestamp,value[,covariate...]}) or wide ({@code timestamp,col1,...}). */
    CSV,
    /** Numenta Anomaly Benchmark CSV: {@code timestamp,value}. */
    NAB,
    /** GWA-T-12 Bitbrains VM trace: 11 columns separated by ';' and a TAB, one file per VM. */
    GWA,
    /** Alibaba's GenAI serving trace (cluster-trace-v2026-GenAI), unpacked: {@code qps.csv}, {@code pod_*.csv}, {@code queue_*.csv}. */
    GENAI;

    public static Format parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "', expected csv, nab, gwa or genai", e);
        }
    }

    /**
     * The format of a file or directory of raw files, from what it holds: GenAI's file names, a
     * GWA-T-12 header ({@code Timestamp [ms]...}), NAB's {@code timestamp,value}, else generic CSV.
     */
    public static Format detect(java.nio.file.Path source) {
        java.nio.file.Path first = source;
        if (java.nio.file.Files.isDirectory(source)) {
            try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(source)) {
                List<java.nio.file.Path> files = entries.filter(java.nio.file.Files::isRegularFile)
                        .filter(p -> CSV.accepts(p.getFileName().toString())).sorted().toList();
                // a .txt file tells the format only when no .csv is there: a LICENSE.txt beside the data is not data
                List<java.nio.file.Path> csv = files.stream().filter(p -> NAB.accepts(p.getFileName().toString())).toList();
                files = csv.isEmpty() ? files : csv;
                if (files.stream().anyMatch(p -> GENAI.accepts(p.getFileName().toString()))) {
                    return GENAI;
                }
                if (files.isEmpty()) {
                    return CSV;
                }
                first = files.get(0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + source + ": " + e.getMessage(), e);
            }
        }
        String header;
        try (DelimitedLines lines = DelimitedLines.open(first, ',')) {
            List<String> fields = lines.next();
            header = fields == null ? "" : String.join(",", fields);
        }
        if (header.startsWith("Timestamp [ms]")) {
            return GWA;
        }
        return header.equalsIgnoreCase("timestamp,value") ? NAB : CSV;
    }

    /** A reader of this format with its default options. */
    public SeriesReader reader() {
        return switch (this) {
            case GWA -> new GwaReader(null);
            case NAB -> new NabReader(null, 0);
            case CSV -> new CsvReader(CsvOptions.defaults());
            case GENAI -> new GenAiReader(null);
        };
    }

    /** Whether a file of this name is one this format reads. */
    public boolean accepts(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (this == GENAI) {
            return (lower.startsWith("qps") || lower.startsWith("pod_") || lower.startsWith("queue_"))
                    && (lower.endsWith(".csv") || lower.endsWith(".csv.gz"));
        }
        return lower.endsWith(".csv") || lower.endsWith(".csv.gz") || this == CSV && lower.endsWith(".txt");
    }
}
