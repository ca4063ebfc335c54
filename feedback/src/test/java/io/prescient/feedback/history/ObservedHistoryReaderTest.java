package io.prescient.feedback.history;

import io.prescient.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservedHistoryReaderTest {

    @TempDir
    Path dir;

    /** Rows of {@code days} days from 2026-01-01: a header, then one line per day made by {@code row}. */
    private Path file(String name, String header, int days, java.util.function.IntFunction<String> row, String newline) throws Exception {
        StringBuilder sb = new StringBuilder(header).append(newline);
        for (int t = 0; t < days; t++) {
            sb.append(row.apply(t)).append(newline);
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    private static String day(int t) {
        return LocalDate.of(2026, 1, 1).plusDays(t).toString();
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWithABomSpacesAndCrlf() throws Exception {
        Path f = file("h.csv", "\uFEFFCapacity, Delayed Launches, notes, Date, GPU Hours , launches, Usage, team_size", 40,
                t -> (200 + t) + ", " + (t % 10 == 0 ? 1 : 0) + ", fine, " + day(t) + ", 1, " + (t % 10 == 0 ? 2 : 0) + ", "
                        + (100 + t) + ", 12",
                "\r\n");
        ObservedHistory h = new ObservedHistoryReader(Map.of()).read(f);
        assertEquals(40, h.days());
        assertEquals(1, h.stepDays());
        assertEquals(139.0, h.demand()[39], 1e-12);
        assertEquals(239.0, h.capacity()[39], 1e-12);
        assertEquals(2, h.launches()[10]);
        assertEquals(1, h.delays()[10]);
        assertNull(h.efficiency());
        assertTrue(h.others().containsKey("GPU Hours") && h.others().containsKey("team_size"), h.others().keySet().toString());
        assertTrue(!h.others().containsKey("notes"), "a text column is not a number column");
    }

    @Test
    void aMappingNamesColumnsWhoseHeadersAreNotKnown() throws Exception {
        Path f = file("m.csv", "day,gpu_hours,gpus", 35, t -> day(t) + "," + (50 + t) + ",100", "\n");
        ObservedHistory h = new ObservedHistoryReader(ObservedHistoryReader.mapping("demand=gpu_hours, capacity=gpus")).read(f);
        assertEquals(84.0, h.demand()[34], 1e-12);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ObservedHistoryReader(Map.of()).read(f));
        assertTrue(e.getMessage().contains("m.csv line 1") && e.getMessage().contains("'demand'")
                && e.getMessage().contains("--columns demand=<header>"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ObservedHistoryReader.mapping("demnd=x"));
        assertTrue(bad.getMessage().contains("demnd"), bad.getMessage());
    }

    @Test
    void weeklyRowsHoldTheirLevelsOverTheirDaysAndCountLaunchesOnTheFirst() throws Exception {
        Path f = file("w.csv", "week,demand,capacity,launches,delays", 6,
                t -> LocalDate.of(2026, 1, 5).plusWeeks(t) + "," + (700 + 7 * t) + ",1000,3,1", "\n");
        ObservedHistory h = new ObservedHistoryReader(Map.of()).read(f);
        assertEquals(7, h.stepDays());
        assertEquals(42, h.days());
        assertEquals(LocalDate.of(2026, 2, 15), h.dates().get(41));
        assertEquals(735.0, h.demand()[41], 1e-12);
        assertArrayEquals(new int[] {3, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(h.launches(), 7));
    }

    @Test
    void everyMalformedHistoryNamesItsFileLineAndColumn() throws Exception {
        String header = "date,demand,capacity,launches,delays";
        record Case(String name, int days, java.util.function.IntFunction<String> row, String expected) {
        }
        for (Case c : new Case[] {
                new Case("number.csv", 40, t -> day(t) + "," + (t == 4 ? "lots" : "10") + ",20,0,0", "line 6, field 'demand': found 'lots'"),
                new Case("blank.csv", 40, t -> day(t) + ",10," + (t == 7 ? "" : "20") + ",0,0", "line 9, field 'capacity'"),
                new Case("gap.csv", 40, t -> day(t < 20 ? t : t + 1) + ",10,20,0,0", "line 22, field 'date': found '2026-01-22', expected 2026-01-21"),
                new Case("order.csv", 40, t -> day(t == 5 ? 3 : t) + ",10,20,0,0", "line 7, field 'date'"),
                new Case("delays.csv", 40, t -> day(t) + ",10,20,1," + (t == 12 ? 2 : 0), "line 14, field 'delays': found '2', expected at most the 1"),
                new Case("fraction.csv", 40, t -> day(t) + ",10,20," + (t == 3 ? "1.5" : "0") + ",0", "line 5, field 'launches'"),
                new Case("width.csv", 40, t -> day(t) + ",10,20,0" + (t == 9 ? "" : ",0"), "line 11: found '4 fields'"),
                new Case("short.csv", 20, t -> day(t) + ",10,20,0,0", "at least 30 days"),
                new Case("zero.csv", 40, t -> day(t) + ",10," + (t == 30 ? "0" : "20") + ",0,0", "line 32, field 'capacity': found '0', expected a number > 0"),
                new Case("date.csv", 40, t -> (t == 2 ? "03/01/2026" : day(t)) + ",10,20,0,0", "line 4, field 'date': found '03/01/2026'")}) {
            Path f = file(c.name(), header, c.days(), c.row(), "\n");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ObservedHistoryReader(Map.of()).read(f), c.name());
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(c.expected()), c.name() + ": " + e.getMessage());
        }
        Path twice = file("twice.csv", "date,demand,usage,capacity", 40, t -> day(t) + ",1,1,2", "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ObservedHistoryReader(Map.of()).read(twice));
        assertTrue(e.getMessage().contains("'demand' and 'usage' both name it"), e.getMessage());
        Path utilisation = file("u.csv", "date,demand,capacity,utilisation", 40, t -> day(t) + ",10,20," + (t == 8 ? "0.9" : "0.5"), "\n");
        e = assertThrows(InvalidInputException.class, () -> new ObservedHistoryReader(Map.of()).read(utilisation));
        assertTrue(e.getMessage().contains("line 10, field 'utilisation'"), e.getMessage());
        Path percent = file("p.csv", "date,demand,capacity,utilization", 40, t -> day(t) + ",10,20,50", "\n");
        assertEquals(40, new ObservedHistoryReader(Map.of()).read(percent).days(), "utilisation in percent");
    }

    @Test
    void aSimulatedWorldsDirectoryReadsWithItsLatentColumns() throws Exception {
        var p = io.prescient.feedback.world.WorldParameters.defaults(0.5, 3);
        var w = new io.prescient.feedback.world.WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
        io.prescient.feedback.study.WorldBenchmark.write(dir.resolve("world"), w, true, LocalDate.of(2026, 1, 1));
        HistoryInputs in = HistoryInputs.read(dir.resolve("world"), Map.of(), null);
        assertTrue(in.history().latentKnown());
        assertEquals(w.history().get(100).baseDemand(), in.history().baseDemand()[100], 1e-3);
        assertEquals(w.calendar().size(), in.calendar().size());
        assertEquals(w.calendar().get(5).day(), in.calendar().get(5).day());
    }
}
