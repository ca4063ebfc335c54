package io.prescient.feedback.history;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.feedback.world.Launch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a launch calendar CSV by column name: the planned date ({@code planned_date}, {@code date},
 * {@code due_date} or {@code due}) and the demand it adds ({@code size}, {@code demand} or
 * {@code expected_demand}) are needed; the owning team ({@code team}, {@code owner}), the launch's
 * complexity and the team's risk aversion (0 to 1) are optional, and unknown ones count as average
 * (0.5). Days are counted from the history's first day.
 */
public final class LaunchCalendarReader {

    private static final List<String> DATE = List.of("planned_date", "date", "due_date", "due", "launch_date");
    private static final List<String> SIZE = List.of("size", "demand", "expected_demand", "launch_size");
    private static final List<String> TEAM = List.of("team", "owner", "project");
    private static final List<String> COMPLEXITY = List.of("complexity");
    private static final List<String> RISK = List.of("risk_aversion");

    private LaunchCalendarReader() {
    }

    public static List<Launch> read(Path file, LocalDate start) {
        String source = file.toString();
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header naming planned_date and size"));
            }
            int date = column(source, header, DATE, true);
            int size = column(source, header, SIZE, true);
            int team = column(source, header, TEAM, false);
            int complexity = column(source, header, COMPLEXITY, false);
            int risk = column(source, header, RISK, false);
            List<Launch> out = new ArrayList<>();
            for (List<String> f = lines.next(); f != null; f = lines.next()) {
                long line = lines.lineNumber();
                if (f.size() != header.size()) {
                    throw new InvalidInputException(new InputProblem(source, line, "", f.size() + " fields",
                            header.size() + " fields, as in the header"));
                }
                LocalDate d = date(source, line, header.get(date), f.get(date));
                double s = number(source, line, header.get(size), f.get(size), 0, Double.MAX_VALUE, "a demand > 0");
                if (s <= 0) {
                    throw new InvalidInputException(new InputProblem(source, line, header.get(size), f.get(size), "a demand > 0"));
                }
                double c = complexity < 0 ? 0.5 : number(source, line, header.get(complexity), f.get(complexity), 0, 1,
                        "a number from 0 to 1");
                double r = risk < 0 ? 0.5 : number(source, line, header.get(risk), f.get(risk), 0, 1, "a number from 0 to 1");
                out.add(new Launch((int) ChronoUnit.DAYS.between(start, d), s, c, r, team < 0 ? "" : f.get(team)));
            }
            return out;
        }
    }

    private static int column(String source, List<String> header, List<String> names, boolean required) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(HistoryColumn.normalise(header.get(i)))) {
                return i;
            }
        }
        if (required) {
            throw new InvalidInputException(new InputProblem(source, 1, names.get(0), String.join(",", header),
                    "a column named one of " + names));
        }
        return -1;
    }

    /** An ISO date, or the date of an ISO date-time with an offset. */
    static LocalDate date(String source, long line, String column, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toLocalDate();
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(new InputProblem(source, line, column, text, "a date such as 2026-01-31 (or "
                        + "2026-01-31T00:00:00Z)"));
            }
        }
    }

    private static double number(String source, long line, String column, String text, double low, double high, String expected) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && v >= low && v <= high) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(new InputProblem(source, line, column, text, expected));
    }
}
