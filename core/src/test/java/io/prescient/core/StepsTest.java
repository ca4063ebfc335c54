package io.prescient.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StepsTest {

    @Test
    void parsesTheUsualForms() {
        assertEquals(300, Steps.parseSeconds("300"));
        assertEquals(300, Steps.parseSeconds("5m"));
        assertEquals(300, Steps.parseSeconds("5T"));
        assertEquals(3600, Steps.parseSeconds(" 1h "));
        assertEquals(86400, Steps.parseSeconds("1d"));
        assertThrows(IllegalArgumentException.class, () -> Steps.parseSeconds("0s"));
        assertThrows(IllegalArgumentException.class, () -> Steps.parseSeconds("five minutes"));
    }

    @Test
    void refusesDurationsPastTheLargestCount() {
        // 213503982334602 days wrap to 61,184 s when multiplied without a check
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Steps.parseSeconds("213503982334602d"));
        assertEquals("step '213503982334602d' is longer than any clock counts", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Steps.parseSeconds("99999999999999999999"));
        assertEquals(9_223_372_036_854_775_800L / 86400 * 86400, Steps.parseSeconds(9_223_372_036_854_775_800L / 86400 + "d"));
    }

    @Test
    void formatsExactly() {
        assertEquals("5m", Steps.format(300));
        assertEquals("1h", Steps.format(3600));
        assertEquals("90s", Steps.format(90));
        assertEquals("2d", Steps.format(172800));
    }
}
