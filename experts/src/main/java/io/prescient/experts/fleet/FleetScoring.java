package io.prescient.experts.fleet;

import io.prescient.experts.actions.Pseudonymiser;
import io.prescient.experts.catalogue.Catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Scoring a fleet directory's accounts, the one way the CLI does it: its recorded days at its own
 * prices, its best practices, optional user ratings, account ids optionally replaced by keyed
 * pseudonyms before anything is scored, and precision and recall against {@code truth.csv} when the
 * fleet has one.
 *
 * @param precision null without a truth file
 */
public record FleetScoring(List<ExpertScore.Breakdown> scored, Map<String, Skill> truth, Double precision, Double recall) {

    public long experts() {
        return scored.stream().filter(ExpertScore.Breakdown::expert).count();
    }

    /**
     * @param weights   the score's weights
     * @param threshold standard deviations above the mean an expert scores
     * @param ratings   a CSV of account,rating (0 to 5), if any
     * @param key       a file holding a pseudonymisation key (16+ bytes), if any
     */
    public static FleetScoring score(Path dir, ExpertScore.Weights weights, double threshold, Optional<Path> ratings, Optional<Path> key) {
        FleetFiles.Recorded fleet;
        try {
            fleet = FleetFiles.read(dir, Catalogue.forFleet(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fleet in " + dir + ": " + e.getMessage(), e);
        }
        List<AccountDay> days = AccountDay.of(fleet.resourceDays(new ActionSpace(Catalogue.forFleet(dir)), Catalogue.forFleet(dir)));
        Map<String, Double> rated = ratings.map(FleetScoring::ratings).orElse(Map.of());
        Map<String, Skill> truth = fleet.truth();
        if (key.isPresent()) {
            Pseudonymiser p;
            try {
                p = new Pseudonymiser(Files.readAllBytes(key.get()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key " + key.get() + ": " + e.getMessage(), e);
            }
            days = days.stream().map(d -> d.withAccount(p.pseudonym("acct", d.account()))).toList();
            Map<String, Double> r2 = new HashMap<>();
            rated.forEach((a, v) -> r2.put(p.pseudonym("acct", a), v));
            rated = r2;
            Map<String, Skill> t2 = new HashMap<>();
            truth.forEach((a, v) -> t2.put(p.pseudonym("acct", a), v));
            truth = t2;
        }
        List<ExpertScore.Breakdown> scored = new ExpertScore(weights, BestPractice.of(dir), 10, threshold).score(days, rated);
        if (truth.isEmpty()) {
            return new FleetScoring(scored, truth, null, null);
        }
        Map<String, Skill> t = truth;
        double[] pr = ExpertScore.precisionRecall(scored, t.keySet().stream().filter(a -> t.get(a) == Skill.EXPERT).collect(Collectors.toSet()));
        return new FleetScoring(scored, truth, pr[0], pr[1]);
    }

    /** account,rating lines (0 to 5; a header line starting 'account' is skipped). */
    static Map<String, Double> ratings(Path file) {
        Map<String, Double> out = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || (i == 0 && line.startsWith("account"))) {
                    continue;
                }
                String[] f = line.split(",", -1);
                double v;
                try {
                    v = f.length == 2 ? Double.parseDouble(f[1].strip()) : Double.NaN;
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!(v >= 0 && v <= 5)) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected account,rating with a rating from 0 to 5");
                }
                out.put(f[0].strip(), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
