package io.prescient.feedback.history;

import io.prescient.feedback.world.Launch;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchLoadTest {

    private static ObservedHistory history(int days, int step, int[] launches, int[] delays) {
        List<LocalDate> dates = new ArrayList<>();
        double[] ones = new double[days];
        for (int t = 0; t < days; t++) {
            dates.add(LocalDate.of(2026, 1, 5).plusDays(t));
            ones[t] = 1;
        }
        return new ObservedHistory("h.csv", step, dates, ones, ones, launches, delays, null, null, null, null, Map.of());
    }

    /** A launch delayed whole near the end of the history is pending for the forecast, not lost. */
    @Test
    void aWhollyDelayedLaunchStaysPending() {
        int[] launches = new int[60];
        int[] delays = new int[60];
        launches[55] = 1;
        delays[55] = 1;
        LaunchLoad load = LaunchLoad.of(history(60, 1, launches, delays), List.of(new Launch(55, 300, 0.5, 0.5, "search")), 7);
        assertEquals(1, load.pending().size(), load.pending().toString());
        assertEquals(62, load.pending().get(0).day());
        assertEquals(300, load.pending().get(0).size(), 1e-9);
        assertEquals(0, load.live()[59], 1e-9, "nothing went live");
    }

    /** More delays than launches due (no launch count column) is read as all delayed, never as negative demand. */
    @Test
    void moreDelaysThanLaunchesNeverMakesNegativeDemand() {
        int[] delays = new int[40];
        delays[10] = 2;
        LaunchLoad load = LaunchLoad.of(history(40, 1, null, delays), List.of(new Launch(10, 100, 0.5, 0.5)), 7);
        for (double v : load.live()) {
            assertTrue(v >= 0, "live demand " + v);
        }
        assertEquals(100, load.live()[39], 1e-9, "it went live a week later");
    }

    /** A weekly history's counts are its first day's: a launch due mid-week takes the week's share of delays. */
    @Test
    void aWeeklyHistoryAppliesTheWeeksShareToEachDay() {
        int[] launches = new int[42];
        int[] delays = new int[42];
        launches[14] = 2;
        delays[14] = 1;
        LaunchLoad load = LaunchLoad.of(history(42, 7, launches, delays), List.of(new Launch(17, 100, 0.5, 0.5)), 7);
        assertEquals(0.5, load.due().stream().filter(d -> d.day() == 17).findFirst().orElseThrow().delayedShare(), 1e-12);
        assertEquals(100, load.live()[41], 1e-9, "half went live mid-week, half a week later");
    }
}
