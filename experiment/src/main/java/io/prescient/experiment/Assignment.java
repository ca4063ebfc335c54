package io.prescient.experiment;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which units (pools, clusters, resources) are treated. Units are sorted by a stratifying number
 * (e.g. last month's cost) into {@code strata} equal groups and half of each group, drawn at random,
 * is treated, so both arms hold big and small units alike. Written and read as CSV
 * ({@code unit,arm,stratum}) for the people who apply the treatment.
 */
public record Assignment(String experiment, List<Unit> units) {

    public static final String CONTROL = "control";
    public static final String TREATMENT = "treatment";

    /** One unit, its arm and the number it was stratified by. */
    public record Unit(String id, String arm, double stratum) {
    }

    public Assignment {
        units = List.copyOf(units);
    }

    /** Stratified random assignment of {@code units} (id and stratifying number). */
    public static Assignment stratified(String experiment, List<Unit> units, int strata, long seed) {
        if (units.size() < 4) {
            throw new IllegalArgumentException("an A/B test needs at least 4 units, got " + units.size());
        }
        Set<String> ids = new HashSet<>();
        for (Unit u : units) {
            if (!ids.add(u.id())) {
                throw new IllegalArgumentException("unit '" + u.id() + "' is listed twice");
            }
        }
        List<Unit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparingDouble(Unit::stratum).thenComparing(Unit::id));
        SplittableRandom random = new SplittableRandom(seed);
        List<Unit> out = new ArrayList<>();
        int k = Math.max(1, Math.min(strata, sorted.size() / 2));
        for (int s = 0; s < k; s++) {
            List<Unit> group = new ArrayList<>(sorted.subList(s * sorted.size() / k, (s + 1) * sorted.size() / k));
            for (int i = group.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Unit tmp = group.get(i);
                group.set(i, group.get(j));
                group.set(j, tmp);
            }
            int half = group.size() / 2 + (group.size() % 2 == 1 && random.nextBoolean() ? 1 : 0);
            for (int i = 0; i < group.size(); i++) {
                out.add(new Unit(group.get(i).id(), i < half ? TREATMENT : CONTROL, group.get(i).stratum()));
            }
        }
        out.sort(Comparator.comparing(Unit::id));
        return new Assignment(experiment, out);
    }

    public long treated() {
        return units.stream().filter(u -> u.arm().equals(TREATMENT)).count();
    }

    public String arm(String unit) {
        return units.stream().filter(u -> u.id().equals(unit)).map(Unit::arm).findFirst().orElse(null);
    }

    public void write(Path file) {
        List<String> lines = new ArrayList<>(List.of("unit,arm,stratum"));
        units.forEach(u -> lines.add(csv(u.id()) + "," + u.arm() + "," + String.format(Locale.ROOT, "%s", u.stratum())));
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the assignment " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an assignment ({@code unit,arm[,stratum]}), or a unit list ({@code unit[,stratum]}) to assign. */
    public static List<Unit> readUnits(Path file) {
        return readUnits(DelimitedLines.open(file, ','));
    }

    /** The same from text (a request's field). */
    public static List<Unit> readUnits(String source, String text) {
        return readUnits(DelimitedLines.of(source, text, ','));
    }

    private static List<Unit> readUnits(DelimitedLines opened) {
        String source = opened.source();
        List<Unit> out = new ArrayList<>();
        try (DelimitedLines lines = opened) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header with a 'unit' column"));
            }
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int unit = names.indexOf("unit");
            int arm = names.indexOf("arm");
            int stratum = names.indexOf("stratum");
            if (unit < 0) {
                throw new InvalidInputException(new InputProblem(source, 1, "unit", String.join(",", header),
                        "a 'unit' column (and optionally 'stratum', a number to balance the arms by, and 'arm')"));
            }
            for (List<String> f = lines.next(); f != null; f = lines.next()) {
                long line = lines.lineNumber();
                if (f.size() != header.size()) {
                    throw new InvalidInputException(new InputProblem(source, line, "", f.size() + " fields", header.size() + " fields"));
                }
                if (f.get(unit).isBlank()) {
                    throw new InvalidInputException(new InputProblem(source, line, "unit", "", "a unit id"));
                }
                String a = arm < 0 ? "" : f.get(arm);
                if (arm >= 0 && !a.equals(CONTROL) && !a.equals(TREATMENT)) {
                    throw new InvalidInputException(new InputProblem(source, line, "arm", a, "control or treatment"));
                }
                double s = 0;
                if (stratum >= 0) {
                    try {
                        s = Double.parseDouble(f.get(stratum));
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(new InputProblem(source, line, "stratum", f.get(stratum), "a number"));
                    }
                }
                out.add(new Unit(f.get(unit), a, s));
            }
        }
        return out;
    }

    public static Assignment read(Path file, String experiment) {
        return assigned(file.toString(), readUnits(file), experiment);
    }

    public static Assignment read(String source, String text, String experiment) {
        return assigned(source, readUnits(source, text), experiment);
    }

    private static Assignment assigned(String source, List<Unit> units, String experiment) {
        if (units.stream().anyMatch(u -> u.arm().isEmpty())) {
            throw new InvalidInputException(InputProblem.ofSource(source, "an assignment with an 'arm' column (control or "
                    + "treatment), as 'prescient experiment assign' writes it"));
        }
        return new Assignment(experiment, units);
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
