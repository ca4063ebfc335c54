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
    void formatsExactly() {
        assertEquals("5m", Steps.format(300));
        assertEquals("1h", Steps.format(3600));
        assertEquals("90s", Steps.format(90));
        assertEquals("2d", Steps.format(172800));
    }
}
