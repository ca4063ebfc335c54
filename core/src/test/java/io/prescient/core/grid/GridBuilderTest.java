package io.prescient.core.grid;

import io.prescient.core.TimeGrid;
import io.prescient.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridBuilderTest {

    private static final double NAN = Double.NaN;

    private static GridBuilder rows(long[] times, double[] values) {
        GridBuilder b = new GridBuilder("f.csv", "timestamp", 1);
        for (int i = 0; i < times.length; i++) {
            b.add(times[i], i + 2, new double[] {values[i]});
        }
        return b;
    }

    @Test
    void protocolRuleKeepsTheFirstRowOfEachEpochBin() {
        // jittered 5-minute rows: 1375308176 (bin 4584360), 1375308475 (+299, next bin),
        // a duplicate in that bin, a missing bin, then 1375309376
        long[] t = {1375308176L, 1375308475L, 1375308476L, 1375309376L};
        GriddedColumns g = rows(t, new double[] {1, 2, 3, 4}).build(GridRules.firstPerEpochBin(300));
        assertEquals(new TimeGrid(1375308000L, 300, 5), g.grid());
        assertArrayEquals(new double[] {1, 2, NAN, NAN, 4}, g.column(0));
        assertEquals(new Repairs(0, 1, 4), g.repairs());
    }

    @Test
    void protocolRuleSortsStablyBeforeTakingTheFirst() {
        long[] t = {900, 600, 650, 610};
        GriddedColumns g = rows(t, new double[] {9, 6, 7, 8}).build(GridRules.firstPerEpochBin(300));
        assertEquals(new TimeGrid(600, 300, 2), g.grid());
        assertArrayEquals(new double[] {6, 9}, g.column(0));
        assertEquals(3, g.repairs().reordered());
    }

    @Test
    void strictRulesInferTheStepAndLeaveGapsMissing() {
        GriddedColumns g = rows(new long[] {60, 120, 240, 300}, new double[] {1, 2, 4, 5}).build(GridRules.strict(0));
        assertEquals(new TimeGrid(60, 60, 5), g.grid());
        assertArrayEquals(new double[] {1, 2, NAN, 4, 5}, g.column(0));
        assertEquals(Repairs.NONE, g.repairs());
    }

    @Test
    void strictRulesRejectUnsortedRowsNamingTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rows(new long[] {60, 180, 120}, new double[] {1, 2, 3}).build(GridRules.strict(60)));
        assertEquals(4, e.problem().line());
        assertEquals("timestamp", e.problem().field());
        assertTrue(e.getMessage().contains("time order"), e.getMessage());
    }

    @Test
    void strictRulesRejectDuplicates() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rows(new long[] {60, 120, 120}, new double[] {1, 2, 3}).build(GridRules.strict(60)));
        assertEquals(4, e.problem().line());
        assertTrue(e.getMessage().contains("duplicate timestamp") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void strictRulesRejectMixedSteps() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rows(new long[] {0, 60, 120, 180, 210, 240}, new double[] {1, 2, 3, 4, 5, 6})
                        .build(GridRules.strict(0)));
        assertEquals(6, e.problem().line());
        assertTrue(e.getMessage().contains("mixed steps"), e.getMessage());
    }

    @Test
    void refusesNoRowsAndAbsurdSpans() {
        assertThrows(InvalidInputException.class, () -> new GridBuilder("f", "t", 1).build(GridRules.strict(60)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> rows(new long[] {0, 1, 1_700_000_000_000L}, new double[] {1, 2, 3}).build(GridRules.lenient(1)));
        assertTrue(e.getMessage().contains("time unit"), e.getMessage());
    }

    @Test
    void keepsSeveralColumnsTogether() {
        GridBuilder b = new GridBuilder("f", "t", 2);
        b.add(0, 2, new double[] {1, 10});
        b.add(60, 3, new double[] {2, NAN});
        GriddedColumns g = b.build(GridRules.strict(60));
        assertArrayEquals(new double[] {1, 2}, g.column(0));
        assertArrayEquals(new double[] {10, NAN}, g.column(1));
    }
}
