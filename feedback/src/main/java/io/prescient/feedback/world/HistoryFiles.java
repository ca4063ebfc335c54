package io.prescient.feedback.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the documented files of a history directory: {@code history.csv} (one row a day, in date
 * order, without gaps), {@code launches.csv} (planned_date,size,complexity,risk_aversion) and
 * {@code decisions.csv} (day,pressure,risk_aversion,complexity,delayed). Every error names the
 * file, the line and the field, and what was expected.
 */
public final class HistoryFiles {

    /** What a directory holds. */
    public record Contents(List<HistoryRow> history, List<Launch> calendar, List<LaunchDecision> decisions) {
    }

    private HistoryFiles() {
    }

    public static Contents read(Path dir) {
        List<HistoryRow> history = history(dir.resolve("history.csv"));
        LocalDate start = history.get(0).date();
        return new Contents(history, launches(dir.resolve("launches.csv"), start), decisions(dir.resolve("decisions.csv")));
    }

    static List<HistoryRow> history(Path file) {
        List<String[]> rows = rows(file, HistoryRow.HEADER);
        List<HistoryRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            Cells c = new Cells(file, i + 2, f, HistoryRow.HEADER.split(","));
            HistoryRow r = new HistoryRow(c.date(0), c.positive(1), c.whole(2), c.positive(3), c.positive(4), c.positive(5),
                    c.whole(6), c.number(7), c.number(8), c.whole(9), c.whole(10));
            if (!out.isEmpty() && !r.date().equals(out.get(out.size() - 1).date().plusDays(1))) {
                throw new IllegalArgumentException(file + ":" + (i + 2) + ": field 'date': expected "
                        + out.get(out.size() - 1).date().plusDays(1) + " (one row a day, in order), got " + r.date());
            }
            out.add(r);
        }
        if (out.size() < 30) {
            throw new IllegalArgumentException(file + ": expected at least 30 days of history, got " + out.size());
        }
        return out;
    }

    static List<Launch> launches(Path file, LocalDate start) {
        String header = "planned_date,size,complexity,risk_aversion";
        List<String[]> rows = rows(file, header);
        List<Launch> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Cells c = new Cells(file, i + 2, rows.get(i), header.split(","));
            out.add(new Launch((int) java.time.temporal.ChronoUnit.DAYS.between(start, c.date(0)), c.positive(1), c.share(2),
                    c.share(3)));
        }
        return out;
    }

    static List<LaunchDecision> decisions(Path file) {
        List<String[]> rows = rows(file, LaunchDecision.HEADER);
        List<LaunchDecision> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Cells c = new Cells(file, i + 2, rows.get(i), LaunchDecision.HEADER.split(","));
            int delayed = c.whole(4);
            if (delayed != 0 && delayed != 1) {
                throw c.error(4, "0 or 1");
            }
            out.add(new LaunchDecision(c.whole(0), c.share(1), c.share(2), c.share(3), delayed == 1));
        }
        return out;
    }

    private static List<String[]> rows(Path file, String header) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new IllegalArgumentException(file + ":1: expected the header '" + header + "'");
        }
        int width = header.split(",").length;
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != width) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + width + " fields, got " + f.length);
            }
            out.add(f);
        }
        return out;
    }

    /** One row's fields, read with errors that point at them. */
    private record Cells(Path file, int line, String[] fields, String[] names) {

        IllegalArgumentException error(int i, String expected) {
            return new IllegalArgumentException(file + ":" + line + ": field '" + names[i] + "': expected " + expected + ", got '"
                    + fields[i] + "'");
        }

        double number(int i) {
            try {
                double v = Double.parseDouble(fields[i].strip());
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(i, "a number");
            }
        }

        double positive(int i) {
            double v = number(i);
            if (!(v > 0)) {
                throw error(i, "a number > 0");
            }
            return v;
        }

        double share(int i) {
            double v = number(i);
            if (v < 0 || v > 1) {
                throw error(i, "a number from 0 to 1");
            }
            return v;
        }

        int whole(int i) {
            try {
                int v = Integer.parseInt(fields[i].strip());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(i, "a whole number >= 0");
            }
        }

        LocalDate date(int i) {
            try {
                return LocalDate.parse(fields[i].strip());
            } catch (DateTimeParseException e) {
                throw error(i, "a date such as 2026-01-31");
            }
        }
    }
}
