package io.prescient.feedback.history;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.LaunchDecision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a feedback command reads: a history file, or a directory holding {@code history.csv} and,
 * optionally, {@code launches.csv} (the launch calendar) and {@code decisions.csv} (a per-launch log
 * of delay decisions: day, pressure, risk_aversion, complexity, delayed); a calendar named apart
 * (Prescient's CSV, a GitHub milestones or issues export, or a JIRA CSV export: {@link LaunchSource})
 * replaces the directory's.
 *
 * @param skipped calendar items not read as launches, each with its reason
 */
public record HistoryInputs(ObservedHistory history, List<Launch> calendar, List<LaunchDecision> log, List<String> skipped) {

    public HistoryInputs {
        calendar = List.copyOf(calendar);
        log = List.copyOf(log);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param path     a history file or a directory
     * @param columns  header names for roles whose header is not a known name
     * @param launches a launch calendar file, or null for the directory's launches.csv (if any)
     */
    public static HistoryInputs read(Path path, Map<HistoryColumn, String> columns, Path launches) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(InputProblem.ofSource(path.toString(), "a history file or a directory holding history.csv"));
        }
        boolean dir = Files.isDirectory(path);
        Path file = dir ? path.resolve("history.csv") : path;
        if (dir && !Files.isRegularFile(file)) {
            throw new InvalidInputException(InputProblem.ofSource(file.toString(), "a history.csv in the directory " + path));
        }
        ObservedHistory history = new ObservedHistoryReader(columns).read(file);
        Path calendar = launches != null ? launches : dir && Files.isRegularFile(path.resolve("launches.csv")) ? path.resolve("launches.csv")
                : null;
        LaunchSource planned = calendar == null ? new LaunchSource(List.of(), List.of()) : LaunchSource.read(calendar, history.dates().get(0));
        Path decisions = dir ? path.resolve("decisions.csv") : null;
        List<LaunchDecision> log = decisions != null && Files.isRegularFile(decisions) ? decisions(decisions) : List.of();
        return new HistoryInputs(history, planned.launches(), log, planned.skipped());
    }

    /** The first {@code days} days, with the launch log before them and the whole calendar (planned launches are known ahead). */
    public HistoryInputs head(int days) {
        return new HistoryInputs(history.head(days), calendar, log.stream().filter(d -> d.day() < days).toList(), skipped);
    }

    static List<LaunchDecision> decisions(Path file) {
        String source = file.toString();
        List<String> names = List.of("day", "pressure", "risk_aversion", "complexity", "delayed");
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            int[] at = new int[names.size()];
            for (int i = 0; i < names.size(); i++) {
                at[i] = header == null ? -1 : header.stream().map(HistoryColumn::normalise).toList().indexOf(names.get(i));
                if (at[i] < 0) {
                    throw new InvalidInputException(new InputProblem(source, 1, names.get(i), header == null ? "" : String.join(",", header),
                            "a header naming " + String.join(", ", names)));
                }
            }
            List<LaunchDecision> out = new ArrayList<>();
            for (List<String> f = lines.next(); f != null; f = lines.next()) {
                long line = lines.lineNumber();
                if (f.size() != header.size()) {
                    throw new InvalidInputException(new InputProblem(source, line, "", f.size() + " fields", header.size() + " fields"));
                }
                double[] v = new double[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    String text = f.get(at[i]);
                    try {
                        v[i] = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        v[i] = Double.NaN;
                    }
                    boolean ok = i == 0 ? v[i] >= 0 && v[i] == Math.rint(v[i]) : i == 4 ? v[i] == 0 || v[i] == 1 : v[i] >= 0 && v[i] <= 1;
                    if (!ok) {
                        throw new InvalidInputException(new InputProblem(source, line, names.get(i), text,
                                i == 0 ? "a whole day number >= 0" : i == 4 ? "0 or 1" : "a number from 0 to 1"));
                    }
                }
                out.add(new LaunchDecision((int) v[0], v[1], v[2], v[3], v[4] == 1));
            }
            return out;
        }
    }
}
