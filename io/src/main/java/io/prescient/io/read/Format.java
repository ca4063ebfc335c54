package io.prescient.io.read;

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
