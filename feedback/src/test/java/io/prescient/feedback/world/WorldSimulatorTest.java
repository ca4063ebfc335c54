package io.prescient.feedback.world;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldSimulatorTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    private static List<HistoryRow> history(double strength, long seed) {
        return new WorldSimulator(WorldParameters.defaults(strength, seed)).run(START).history();
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        assertEquals(history(0.5, 3), history(0.5, 3));
        assertTrue(!history(0.5, 3).equals(history(0.5, 4)));
    }

    @Test
    void underPressureAboutThirtyPercentOfLaunchesAreDelayedAndFewOtherwise() {
        int plannedUnder = 0;
        int delayedUnder = 0;
        int plannedCalm = 0;
        int delayedCalm = 0;
        int pressureDays = 0;
        for (long seed = 1; seed <= 20; seed++) {
            for (HistoryRow r : history(0.5, seed)) {
                if (r.utilizationPressure() > 0) {
                    pressureDays++;
                    plannedUnder += r.plannedLaunches();
                    delayedUnder += r.delayedLaunches();
                } else {
                    plannedCalm += r.plannedLaunches();
                    delayedCalm += r.delayedLaunches();
                }
            }
        }
        double under = (double) delayedUnder / plannedUnder;
        double calm = (double) delayedCalm / plannedCalm;
        assertTrue(pressureDays > 20 * 20, "pressure days " + pressureDays);
        assertTrue(under > 0.15 && under < 0.5, "delayed under pressure " + under + " of " + plannedUnder);
        assertTrue(calm < 0.08, "delayed without pressure " + calm);
    }

    @Test
    void efficiencyGainsStayWithinTheirCeilingAndScaleWithStrength() {
        double strong = history(0.8, 5).stream().mapToDouble(HistoryRow::efficiencyGains).max().orElseThrow();
        double weak = history(0.1, 5).stream().mapToDouble(HistoryRow::efficiencyGains).max().orElseThrow();
        assertTrue(strong <= 0.32 + 1e-9 && strong > 0.02, "strong " + strong);
        assertTrue(weak <= 0.04 + 1e-9, "weak " + weak);
    }

    @Test
    void theHistoryIsInTheDocumentedFormat() {
        HistoryRow first = history(0.5, 1).get(0);
        assertEquals("date,base_demand,planned_launches,actual_demand,allocated_capacity,utilization,delayed_launches,"
                + "efficiency_gains,utilization_pressure,delivery_shock,capacity_outage", HistoryRow.HEADER);
        assertEquals(11, first.csv().split(",").length);
        assertTrue(first.csv().startsWith("2026-01-01,"), first.csv());
    }
}
