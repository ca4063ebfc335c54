package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelectionForecasterTest {

    private final SelectionForecaster selection = new SelectionForecaster("pick",
            List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(24)), 24, 2);

    @Test
    void picksTheSeasonalModelForACycleAndTheNaiveOneForARandomWalk() {
        SplittableRandom r = new SplittableRandom(4);
        double[] cycle = new double[24 * 20];
        double[] walk = new double[24 * 20];
        double level = 100;
        for (int t = 0; t < cycle.length; t++) {
            cycle[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + r.nextDouble();
            level += 5 * (r.nextDouble() - 0.5);
            walk[t] = level;
        }
        FittedModel onCycle = selection.fit(History.of(new TimeGrid(0, 3600, cycle.length), cycle, true));
        FittedModel onWalk = selection.fit(History.of(new TimeGrid(0, 3600, walk.length), walk, true));
        assertEquals("seasonal-naive", onCycle.parameters().get("form"));
        assertEquals("naive", onWalk.parameters().get("form"));
    }

    @Test
    void aFlatSeriesGoesToTheFirstMemberOnATie() {
        double[] flat = new double[24 * 10];
        java.util.Arrays.fill(flat, 7);
        FittedModel fitted = selection.fit(History.of(new TimeGrid(0, 3600, flat.length), flat, true));
        assertEquals("naive", fitted.parameters().get("form"));
        assertEquals(7.0, fitted.forecast(24).median()[23], 1e-12);
    }
}
