package io.prescient.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.prescient.core.RegularSeriesTest.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelTest {

    private final Panel panel = Panel.aligned(List.of(series("a", 600, 300, 1, 2, 3, 4, 5), series("b", 600, 300, 10, 20, 30, 40, 50)));

    @Test
    void untilKeepsTheStepsThatStartedByThen() {
        Panel cut = panel.until(600 + 2 * 300);
        assertEquals(new TimeGrid(600, 300, 3), cut.grid());
        assertArrayEquals(new double[] {1, 2, 3}, cut.series().get(0).values());
        assertArrayEquals(new double[] {10, 20, 30}, cut.series().get(1).values());
        assertEquals(cut.grid(), panel.until(600 + 3 * 300 - 1).grid(), "a step that starts after the time is not kept");
        assertEquals(1, panel.until(600).grid().length(), "the first step alone");
    }

    @Test
    void untilTheEndOrLaterIsThePanel() {
        assertSame(panel, panel.until(600 + 4 * 300));
        assertSame(panel, panel.until(Long.MAX_VALUE / 2));
    }

    @Test
    void untilBeforeTheStartIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> panel.until(599));
        assertTrue(e.getMessage().contains("the data start at 1970-01-01T00:10:00Z"), e.getMessage());
    }
}
