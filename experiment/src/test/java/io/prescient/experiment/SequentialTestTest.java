package io.prescient.experiment;

import io.prescient.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequentialTestTest {

    @TempDir
    Path dir;

    private List<Assignment.Unit> pools(int n) {
        List<Assignment.Unit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Assignment.Unit("pool-" + i, "", 100 + 10 * i));
        }
        return out;
    }

    /** Outcomes of {@code effect} (cost change) on treated pools and none on control, noise sd 0.05, at looks 1..looks. */
    private Path outcomes(Assignment a, double effect, int looks, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(List.of("unit,look,metric,value"));
        for (Assignment.Unit u : a.units()) {
            double noise = 0.05 * r.nextGaussian();
            for (int k = 1; k <= looks; k++) {
                double v = (u.arm().equals(Assignment.TREATMENT) ? effect : 0) + noise + 0.02 * r.nextGaussian();
                lines.add(u.id() + "," + k + ",cost_change," + v);
                lines.add(u.id() + "," + k + ",unserved," + r.nextDouble());
            }
        }
        Path f = dir.resolve("outcomes-" + seed + ".csv");
        Files.write(f, lines);
        return f;
    }

    @Test
    void assignmentIsStratifiedAndRoundTripsThroughItsFile() {
        Assignment a = Assignment.stratified("policy-ab", pools(31), 3, 7);
        assertEquals(31, a.units().size());
        assertTrue(a.treated() == 15 || a.treated() == 16, "half treated: " + a.treated());
        for (int s = 0; s < 3; s++) {
            int from = s * 31 / 3;
            int to = (s + 1) * 31 / 3;
            long treated = a.units().stream().filter(u -> u.stratum() >= 100 + 10 * from && u.stratum() < 100 + 10 * to
                    && u.arm().equals(Assignment.TREATMENT)).count();
            assertTrue(Math.abs(treated - (to - from) / 2.0) <= 1, "each stratum is split in half: " + treated + " of " + (to - from));
        }
        a.write(dir.resolve("assignment.csv"));
        assertEquals(a.units(), Assignment.read(dir.resolve("assignment.csv"), "policy-ab").units());
    }

    @Test
    void aRealEffectStopsEarlyWithAnIntervalAroundItAndNoneRunsToTheEnd() throws Exception {
        Assignment a = Assignment.stratified("policy-ab", pools(60), 3, 1);
        SequentialTest.Analysis effect = SequentialTest.analyse(a, Outcomes.read(outcomes(a, -0.1, 1, 2)), "cost_change", 3, 1);
        assertEquals(SequentialTest.Decision.STOP_EFFECT, effect.decision(), effect.describe());
        Effect cost = effect.effect("cost_change");
        assertTrue(cost.welchLow() < -0.1 && -0.1 < cost.welchHigh(), cost.toString());
        assertEquals(2.004 * Math.sqrt(3), effect.boundary(), 1e-9);

        int falseStops = 0;
        for (long seed = 10; seed < 50; seed++) {
            SequentialTest.Analysis none = SequentialTest.analyse(a, Outcomes.read(outcomes(a, 0, 3, seed)), "cost_change", 3, seed);
            falseStops += none.decision() == SequentialTest.Decision.STOP_EFFECT ? 1 : 0;
            assertEquals(2.004, none.boundary(), 1e-9);
        }
        assertTrue(falseStops <= 5, falseStops + " of 40 null experiments found an effect");
        SequentialTest.Analysis early = SequentialTest.analyse(a, Outcomes.read(outcomes(a, 0, 1, 99)), "cost_change", 3, 1);
        assertEquals(SequentialTest.Decision.CONTINUE, early.decision(), early.describe());
    }

    @Test
    void badOutcomesAreNamedByFileLineAndField() throws Exception {
        Assignment a = Assignment.stratified("x", pools(8), 2, 1);
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "unit,look,metric,value\npool-1,1,cost,0.1\npool-2,9,cost,0.2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Outcomes.read(f));
        assertTrue(e.getMessage().contains("bad.csv line 3, field 'look': found '9'"), e.getMessage());
        Files.writeString(f, "unit,look,metric,value\nstranger,1,cost,0.1\n");
        IllegalArgumentException stranger = assertThrows(IllegalArgumentException.class,
                () -> SequentialTest.analyse(a, Outcomes.read(f), "cost", 3, 1));
        assertTrue(stranger.getMessage().contains("'stranger'"), stranger.getMessage());
    }

    /** With few units the decision follows the repeated Welch interval (a t quantile), not the normal-scale statistic. */
    @Test
    void aSmallTestStopsOnlyWhenItsIntervalExcludesZero() throws Exception {
        Assignment a = new Assignment("small", List.of(new Assignment.Unit("a", Assignment.TREATMENT, 0),
                new Assignment.Unit("b", Assignment.TREATMENT, 0), new Assignment.Unit("c", Assignment.TREATMENT, 0),
                new Assignment.Unit("d", Assignment.CONTROL, 0), new Assignment.Unit("e", Assignment.CONTROL, 0),
                new Assignment.Unit("f", Assignment.CONTROL, 0)));
        Path f = dir.resolve("small.csv");
        Files.writeString(f, "unit,look,metric,value\na,3,m,1.0\nb,3,m,1.6\nc,3,m,2.2\nd,3,m,0\ne,3,m,0.6\nf,3,m,-0.6\n");
        SequentialTest.Analysis r = SequentialTest.analyse(a, Outcomes.read(f), "m", 3, 1);
        assertTrue(Math.abs(r.effect("m").statistic()) >= r.boundary(), "the statistic passes the normal-scale boundary");
        assertEquals(r.effect("m").welchLow() > 0, r.decision() == SequentialTest.Decision.STOP_EFFECT, r.describe());
        Files.writeString(f, "unit,look,metric,value\na,1,m,1\na,1,m,2\n");
        assertThrows(IllegalArgumentException.class, () -> SequentialTest.analyse(a, Outcomes.read(f), "m", 3, 1), "duplicates refused");
    }
}
