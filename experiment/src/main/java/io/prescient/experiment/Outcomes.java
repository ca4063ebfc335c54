package io.prescient.experiment;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Observed outcomes of an experiment's units, one row per unit, look and metric
 * ({@code unit,look,metric,value}): a look's value is the unit's outcome over the test so far (e.g.
 * cost change against its month before, unserved demand, capacity volatility). Every error names
 * the file, the line and the field.
 */
public record Outcomes(List<Outcome> rows) {

    /** One observation. */
    public record Outcome(String unit, int look, String metric, double value) {
    }

    public Outcomes {
        rows = List.copyOf(rows);
    }

    public static Outcomes read(Path file) {
        return read(DelimitedLines.open(file, ','));
    }

    /** The same from text (a request's field). */
    public static Outcomes read(String source, String text) {
        return read(DelimitedLines.of(source, text, ','));
    }

    private static Outcomes read(DelimitedLines opened) {
        String source = opened.source();
        List<Outcome> out = new ArrayList<>();
        try (DelimitedLines lines = opened) {
            List<String> header = lines.next();
            List<String> names = header == null ? List.of() : header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int[] at = {names.indexOf("unit"), names.indexOf("look"), names.indexOf("metric"), names.indexOf("value")};
            String[] wanted = {"unit", "look", "metric", "value"};
            for (int i = 0; i < at.length; i++) {
                if (at[i] < 0) {
                    throw new InvalidInputException(new InputProblem(source, 1, wanted[i], header == null ? "" : String.join(",", header),
                            "a header naming unit, look, metric and value"));
                }
            }
            for (List<String> f = lines.next(); f != null; f = lines.next()) {
                long line = lines.lineNumber();
                if (f.size() != header.size()) {
                    throw new InvalidInputException(new InputProblem(source, line, "", f.size() + " fields", header.size() + " fields"));
                }
                int look;
                try {
                    look = Integer.parseInt(f.get(at[1]));
                } catch (NumberFormatException e) {
                    look = 0;
                }
                if (look < 1 || look > Looks.MAX) {
                    throw new InvalidInputException(new InputProblem(source, line, "look", f.get(at[1]), "a look number from 1 to " + Looks.MAX));
                }
                double value;
                try {
                    value = Double.parseDouble(f.get(at[3]));
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
                if (!Double.isFinite(value)) {
                    throw new InvalidInputException(new InputProblem(source, line, "value", f.get(at[3]), "a number"));
                }
                if (f.get(at[0]).isBlank() || f.get(at[2]).isBlank()) {
                    throw new InvalidInputException(new InputProblem(source, line, f.get(at[0]).isBlank() ? "unit" : "metric", "",
                            "a unit id and a metric name"));
                }
                out.add(new Outcome(f.get(at[0]), look, f.get(at[2]), value));
            }
        }
        return new Outcomes(out);
    }
}
