package io.prescient.plan.scenario.fit;

import io.prescient.core.TimeGrid;
import io.prescient.io.read.CalendarEvent;
import io.prescient.plan.scenario.Distribution;
import io.prescient.plan.scenario.ExternalEvent;
import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Past events of a known effect are recovered from a series: campaigns that multiply demand by
 * about 1.5 and holidays that take it to 0.6, over a daily cycle with noise; the calendar's future
 * campaign becomes an event scenario with the fitted multiplier.
 */
class EventFitTest {

    private static final int DAY = 96;
    private static final long START = 1_375_315_200L;
    private static final TimeGrid GRID = new TimeGrid(START, 900, 35 * DAY);

    private static CalendarEvent event(String name, String kind, int day, int fromHour, int hours) {
        long from = START + day * 86_400L + fromHour * 3600L;
        return new CalendarEvent(name, kind, from, from + hours * 3600L);
    }

    private static final List<CalendarEvent> CALENDAR = List.of(
            event("sale 1", "campaign", 9, 8, 10), event("sale 2", "campaign", 14, 12, 6), event("sale 3", "campaign", 20, 6, 12),
            event("sale 4", "campaign", 26, 10, 8), event("holiday", "holiday", 17, 0, 24), event("holiday", "holiday", 31, 0, 24),
            event("sale 5", "campaign", 36, 9, 10), event("offsite", "offsite", 37, 0, 24));

    private static double[] series(long seed, List<Double> realised) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[GRID.length()];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * (1 + 0.4 * Math.sin(2 * Math.PI * (t % DAY) / DAY)) * (1 + 0.03 * r.nextGaussian());
        }
        for (CalendarEvent e : CALENDAR) {
            double factor = e.kind().equals("campaign") ? 1.5 * (1 + 0.05 * r.nextGaussian()) : 0.6;
            if (e.kind().equals("campaign") && e.to() <= GRID.end()) {
                realised.add(factor);
            }
            for (int t = 0; t < y.length; t++) {
                if (GRID.timeAt(t) >= e.from() && GRID.timeAt(t) < e.to()) {
                    y[t] *= factor;
                }
            }
        }
        return y;
    }

    @Test
    void recoversTheEffectOfPastEventsAndWritesTheFutureOnes() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Double> realised = new ArrayList<>();
            List<EventFit> fits = EventFit.fit(series(seed, realised), GRID, DAY, CALENDAR);
            assertEquals(List.of("campaign", "holiday"), fits.stream().map(EventFit::kind).toList(), "kinds with a past");
            EventFit campaign = fits.get(0);
            System.out.printf(java.util.Locale.ROOT, "EventFitTest seed %d: campaign x%.3f sd %.3f %s (true %s), holiday x%.3f%n", seed,
                    campaign.mean(), campaign.sd(), campaign.factors(), realised, fits.get(1).mean());
            assertEquals(4, campaign.factors().size());
            assertEquals(1.5, campaign.mean(), 0.3, "within 20%");
            for (int i = 0; i < realised.size(); i++) {
                assertEquals(realised.get(i), campaign.factors().get(i), 0.03 * realised.get(i), "each campaign's own factor");
            }
            assertTrue(campaign.sd() > 0.01 && campaign.sd() < 0.2, "the spread between campaigns: " + campaign.sd());
            assertEquals(0.6, fits.get(1).mean(), 0.05);
            String yaml = "name: calendar\nscenarios:\n" + EventFit.yaml(fits, CALENDAR, GRID.end(), "demand");
            ScenarioSet set = ScenarioFile.parse("fitted.yaml", yaml);
            assertEquals(1, set.scenarios().size(), yaml);
            ExternalEvent next = assertInstanceOf(ExternalEvent.class, set.scenarios().get(0));
            assertEquals("sale 5", next.name());
            assertEquals(CALENDAR.get(6).from(), next.from());
            Distribution.Normal m = assertInstanceOf(Distribution.Normal.class, next.multiplier());
            assertEquals(campaign.mean(), m.mean(), 1e-4);
            assertTrue(yaml.contains("left out 'offsite': no past event of kind 'offsite'"), yaml);
        }
    }

    @Test
    void theSeriesWithoutEventsHasTheirStepsMissing() {
        double[] y = EventFit.withoutEvents(series(1, new ArrayList<>()), GRID, CALENDAR);
        int missing = 0;
        for (double v : y) {
            missing += Double.isNaN(v) ? 1 : 0;
        }
        assertEquals((10 + 6 + 12 + 8 + 24 + 24) * 4, missing);
    }
}
