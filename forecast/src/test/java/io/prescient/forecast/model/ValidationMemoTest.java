package io.prescient.forecast.model;

import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memo keeps the heads a loop still meets and forgets those of past hours. */
class ValidationMemoTest {

    /** Series {@code s}'s head up to the end of hour {@code hour}. */
    private static History.Fingerprint head(int s, int hour) {
        return new History.Fingerprint(0, 300, 12 * hour, s, hour);
    }

    @Test
    void aFleetOfAGenerationValidatesOnceAnHourForHalfADayWhileThePastHoursGo() {
        ValidationMemo memo = new ValidationMemo();
        int fleet = ValidationMemo.GENERATION;
        int[] validations = {0};
        for (int hour = 1; hour <= 12; hour++) {
            for (int round = 0; round < 3; round++) {
                for (int s = 0; s < fleet; s++) {
                    int h = hour;
                    int series = s;
                    double[] losses = memo.losses(head(s, hour), () -> {
                        validations[0]++;
                        return new double[] {series, h};
                    });
                    assertArrayEquals(new double[] {s, hour}, losses);
                }
            }
            assertTrue(memo.size() <= 2 * ValidationMemo.GENERATION, "at most two generations: " + memo.size());
        }
        assertEquals(12 * fleet, validations[0], "once per series and hour, however often the generations turned");
    }

    @Test
    void aHeadMetEveryRoundOutlivesTheGenerationsThatTurnAroundIt() {
        ValidationMemo memo = new ValidationMemo();
        int[] stale = {0};
        for (int hour = 1; hour <= 8; hour++) {
            // a series whose data stopped: the same head every round, among a fleet of new heads that turns a generation an hour
            memo.losses(head(-1, 0), () -> {
                stale[0]++;
                return new double[] {1};
            });
            for (int s = 0; s < ValidationMemo.GENERATION; s++) {
                memo.losses(head(s, hour), () -> new double[] {0});
            }
        }
        assertEquals(1, stale[0], "validated once, moved up each time its generation became the older");
    }

    @Test
    void whatACallerDoesToTheLossesItGetsDoesNotChangeWhatIsRemembered() {
        ValidationMemo memo = new ValidationMemo();
        memo.losses(head(1, 1), () -> new double[] {1, 2})[0] = 99;
        double[] again = memo.losses(head(1, 1), () -> new double[] {5, 5});
        assertArrayEquals(new double[] {1, 2}, again);
        again[1] = 99;
        assertArrayEquals(new double[] {1, 2}, memo.losses(head(1, 1), () -> new double[] {5, 5}));
    }
}
