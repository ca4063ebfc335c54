package io.prescient.feedback.game;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchGameTest {

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void withCapacityToSpareEveryoneLaunchesOnTheirPreferredDay() {
        List<Team> teams = List.of(new Team("a", 100, 2, 10), new Team("b", 100, 5, 10), new Team("c", 100, 5, 10));
        LaunchGame game = new LaunchGame(constant(30, 1000), constant(30, 10_000), teams, 0.8, 1);
        LaunchGame.Analysis a = game.analyse(20, 1);
        assertArrayEquals(new int[] {2, 5, 5}, a.nash().days());
        assertTrue(a.unique());
        assertEquals(1.0, a.priceOfAnarchy(), 1e-9);
    }

    @Test
    void underTightCapacityTeamsSpreadOutAndTheCooperativePlanCostsNoMore() {
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            teams.add(new Team("t" + i, 150, 3, 40 + 10 * i));
        }
        LaunchGame game = new LaunchGame(constant(30, 700), constant(30, 1200), teams, 0.8, 2);
        LaunchGame.Analysis a = game.analyse(30, 2);
        assertTrue(a.nash().converged());
        assertTrue(Arrays.stream(a.nash().days()).distinct().count() > 1, Arrays.toString(a.nash().days()));
        assertTrue(a.cooperative().total() <= a.nash().total() + 1e-9);
        assertTrue(a.priceOfAnarchy() >= 1 - 1e-9, "price of anarchy " + a.priceOfAnarchy());
    }

    @Test
    void twoIdenticalTeamsAndOneQuietDayHaveTwoEquilibria() {
        // day 0 is the only day with room for one launch; each team would rather launch later than share it
        List<Team> teams = List.of(new Team("a", 500, 0, 100), new Team("b", 500, 0, 100));
        double[] capacity = constant(4, 1000);
        LaunchGame game = new LaunchGame(constant(4, 300), capacity, teams, 0.8, 10);
        LaunchGame.Analysis a = game.analyse(40, 3);
        assertFalse(a.unique(), "equilibria found: " + a.distinctEquilibria());
    }
}
