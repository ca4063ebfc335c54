package io.prescient.feedback.history;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a history CSV by column name. Columns are found by their names and aliases
 * ({@link HistoryColumn}) or by a mapping from role to header the user gives ({@code demand=gpu_hours});
 * the order of columns does not matter and other numeric columns are kept by name. Rows are daily or
 * weekly (the step is read from the first two dates and must hold, in order, without gaps); a weekly
 * row's levels hold over its seven days and its launch counts fall on its first day. A byte-order
 * mark, blanks around fields, CRLF and quoted fields are tolerated; blank cells are not read as zero.
 * Every error names the file, the line, the column and what was expected.
 */
public final class ObservedHistoryReader {

    private static final int MIN_DAYS = 30;

    private final Map<HistoryColumn, String> mapping;

    /** @param mapping header names for roles whose header is not one of the known names */
    public ObservedHistoryReader(Map<HistoryColumn, String> mapping) {
        this.mapping = Map.copyOf(mapping);
    }

    /** Parses {@code demand=gpu_hours,capacity=gpus} into a mapping. */
    public static Map<HistoryColumn, String> mapping(String spec) {
        Map<HistoryColumn, String> out = new EnumMap<>(HistoryColumn.class);
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("--columns: expected role=header pairs such as demand=gpu_hours, got '" + pair + "'");
            }
            out.put(HistoryColumn.named(kv[0]), kv[1].strip());
        }
        return out;
    }

    public ObservedHistory read(Path file) {
        String source = file.toString();
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header line naming at least date, demand and capacity"));
            }
            Map<HistoryColumn, Integer> at = locate(source, header);
            List<Row> rows = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (!at.containsValue(i) && !header.get(i).isBlank()) {
                    others.add(header.get(i));
                }
            }
            Map<String, Boolean> numeric = new LinkedHashMap<>();
            others.forEach(o -> numeric.put(o, true));
            for (List<String> f = lines.next(); f != null; f = lines.next()) {
                long line = lines.lineNumber();
                if (f.size() != header.size()) {
                    throw new InvalidInputException(new InputProblem(source, line, "", f.size() + " fields",
                            header.size() + " fields, as in the header"));
                }
                rows.add(new Row(line, f));
                for (String o : others) {
                    if (number(f.get(header.indexOf(o))) == null) {
                        numeric.put(o, false);
                    }
                }
            }
            return assemble(source, header, at, rows, numeric);
        }
    }

    private record Row(long line, List<String> fields) {
    }

    private Map<HistoryColumn, Integer> locate(String source, List<String> header) {
        Map<HistoryColumn, Integer> at = new EnumMap<>(HistoryColumn.class);
        for (HistoryColumn c : HistoryColumn.values()) {
            String named = mapping.get(c);
            for (int i = 0; i < header.size(); i++) {
                boolean hit = named != null ? HistoryColumn.normalise(header.get(i)).equals(HistoryColumn.normalise(named))
                        : c.matches(header.get(i));
                if (!hit) {
                    continue;
                }
                if (at.containsKey(c)) {
                    throw new InvalidInputException(new InputProblem(source, 1, header.get(i), String.join(",", header),
                            "one column for " + c.key() + ", but '" + header.get(at.get(c)) + "' and '" + header.get(i)
                                    + "' both name it (map one with --columns " + c.key() + "=<header>)"));
                }
                at.put(c, i);
            }
            if (named != null && !at.containsKey(c)) {
                throw new InvalidInputException(new InputProblem(source, 1, named, String.join(",", header),
                        "a column '" + named + "' (given for " + c.key() + ")"));
            }
            if (c.required() && !at.containsKey(c)) {
                throw new InvalidInputException(new InputProblem(source, 1, c.key(), String.join(",", header),
                        "a column for " + c.key() + " named one of " + c.names() + ", or mapped with --columns " + c.key()
                                + "=<header>"));
            }
        }
        return at;
    }

    private ObservedHistory assemble(String source, List<String> header, Map<HistoryColumn, Integer> at, List<Row> rows,
                                     Map<String, Boolean> numeric) {
        if (rows.size() < 2) {
            throw new InvalidInputException(InputProblem.ofSource(source, "at least " + MIN_DAYS + " days of rows, got " + rows.size()
                    + " rows"));
        }
        int dateAt = at.get(HistoryColumn.DATE);
        LocalDate first = date(source, rows.get(0), dateAt, header);
        long step = ChronoUnit.DAYS.between(first, date(source, rows.get(1), dateAt, header));
        if (step != 1 && step != 7) {
            throw new InvalidInputException(new InputProblem(source, rows.get(1).line(), header.get(dateAt),
                    rows.get(1).fields().get(dateAt), first.plusDays(1) + " (daily rows) or " + first.plusDays(7) + " (weekly rows)"));
        }
        int days = (int) (rows.size() * step);
        if (days < MIN_DAYS) {
            throw new InvalidInputException(InputProblem.ofSource(source, "at least " + MIN_DAYS + " days of history, got " + days));
        }
        List<LocalDate> dates = new ArrayList<>();
        double[] demand = new double[days];
        double[] capacity = new double[days];
        int[] launches = at.containsKey(HistoryColumn.LAUNCHES) ? new int[days] : null;
        int[] delays = at.containsKey(HistoryColumn.DELAYS) ? new int[days] : null;
        int[] outage = at.containsKey(HistoryColumn.OUTAGE) ? new int[days] : null;
        double[] base = at.containsKey(HistoryColumn.BASE_DEMAND) ? new double[days] : null;
        double[] efficiency = at.containsKey(HistoryColumn.EFFICIENCY) ? new double[days] : null;
        int[] slipped = at.containsKey(HistoryColumn.DELIVERY_SHOCK) ? new int[days] : null;
        Map<String, double[]> others = new LinkedHashMap<>();
        numeric.forEach((name, isNumber) -> {
            if (isNumber) {
                others.put(name, new double[days]);
            }
        });
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            LocalDate expected = first.plusDays(r * step);
            LocalDate d = date(source, row, dateAt, header);
            if (!d.equals(expected)) {
                throw new InvalidInputException(new InputProblem(source, row.line(), header.get(dateAt), row.fields().get(dateAt),
                        expected + " (one row every " + (step == 1 ? "day" : "7 days") + ", in order, without gaps)"));
            }
            Cells c = new Cells(source, row, header);
            double dem = c.positive(at.get(HistoryColumn.DEMAND), true);
            double cap = c.positive(at.get(HistoryColumn.CAPACITY), false);
            for (int k = 0; k < step; k++) {
                int t = (int) (r * step + k);
                dates.add(expected.plusDays(k));
                demand[t] = dem;
                capacity[t] = cap;
                boolean firstDay = k == 0;
                if (launches != null) {
                    launches[t] = firstDay ? c.count(at.get(HistoryColumn.LAUNCHES)) : 0;
                }
                if (delays != null) {
                    delays[t] = firstDay ? c.count(at.get(HistoryColumn.DELAYS)) : 0;
                    if (launches != null && delays[t] > launches[t]) {
                        throw c.problem(at.get(HistoryColumn.DELAYS), "at most the " + launches[t] + " launches due that "
                                + (step == 1 ? "day" : "week"));
                    }
                }
                if (outage != null) {
                    outage[t] = c.flag(at.get(HistoryColumn.OUTAGE));
                }
                if (base != null) {
                    base[t] = c.positive(at.get(HistoryColumn.BASE_DEMAND), false);
                }
                if (efficiency != null) {
                    efficiency[t] = c.share(at.get(HistoryColumn.EFFICIENCY));
                }
                if (slipped != null) {
                    slipped[t] = firstDay ? c.flag(at.get(HistoryColumn.DELIVERY_SHOCK)) : 0;
                }
                for (Map.Entry<String, double[]> o : others.entrySet()) {
                    o.getValue()[t] = number(row.fields().get(header.indexOf(o.getKey())));
                }
            }
            if (at.containsKey(HistoryColumn.UTILISATION)) {
                double u = c.positive(at.get(HistoryColumn.UTILISATION), true);
                double tolerance = Math.max(0.005, 0.01 * dem / cap);
                if (Math.abs(u - dem / cap) > tolerance && Math.abs(u / 100 - dem / cap) > tolerance) {
                    throw c.problem(at.get(HistoryColumn.UTILISATION), String.format(java.util.Locale.ROOT,
                            "demand over capacity (%.4f, or %.2f as a percentage), or no utilisation column", dem / cap, 100 * dem / cap));
                }
            }
        }
        return new ObservedHistory(source, (int) step, dates, demand, capacity, launches, delays, outage, base, efficiency, slipped,
                others);
    }

    private static LocalDate date(String source, Row row, int i, List<String> header) {
        return LaunchCalendarReader.date(source, row.line(), header.get(i), row.fields().get(i));
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One row's cells, read with errors that point at them. */
    private record Cells(String source, Row row, List<String> header) {

        InvalidInputException problem(int i, String expected) {
            return new InvalidInputException(new InputProblem(source, row.line(), header.get(i), row.fields().get(i), expected));
        }

        double number(int i) {
            Double v = ObservedHistoryReader.number(row.fields().get(i));
            if (v == null) {
                throw problem(i, row.fields().get(i).isEmpty() ? "a number (a blank cell is not read as 0)" : "a number");
            }
            return v;
        }

        double positive(int i, boolean zeroAllowed) {
            double v = number(i);
            if (zeroAllowed ? v < 0 : v <= 0) {
                throw problem(i, zeroAllowed ? "a number >= 0" : "a number > 0");
            }
            return v;
        }

        double share(int i) {
            double v = number(i);
            if (v < 0 || v >= 1) {
                throw problem(i, "a share from 0 to below 1");
            }
            return v;
        }

        int count(int i) {
            double v = number(i);
            if (v < 0 || v != Math.rint(v)) {
                throw problem(i, "a whole number >= 0");
            }
            return (int) v;
        }

        int flag(int i) {
            int v = count(i);
            if (v > 1) {
                throw problem(i, "0 or 1");
            }
            return v;
        }
    }
}
