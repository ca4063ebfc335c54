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
    void aFleetOfHalfTheCapacityValidatesOnceAnHourForDaysWhileThePastHoursGo() {
        ValidationMemo memo = new ValidationMemo();
        int fleet = ValidationMemo.CAPACITY / 2 - 100;
        int[] validations = {0};
        for (int hour = 1; hour <= 24; hour++) {
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
            assertTrue(memo.size() <= ValidationMemo.CAPACITY, "at most the capacity: " + memo.size());
        }
        assertEquals(24 * fleet, validations[0], "once per series and hour, however often the generations turned");
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
