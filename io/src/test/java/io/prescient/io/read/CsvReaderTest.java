package io.prescient.io.read;

import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.io.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvReaderTest {

    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    private static CsvOptions options(Map<String, Unit> units, boolean repair) {
        CsvOptions d = CsvOptions.defaults();
        return new CsvOptions("shop", d.layout(), d.wideColumns(), null, Unit.UNKNOWN, units, 0, d.timeUnit(), repair);
    }

    @Test
    void longLayoutWithCovariatesAndInterleavedSeries() {
        Path f = Fixtures.text(dir, "demand.csv", String.join("\n",
                "series_id,timestamp,requests,active_users",
                "web,2024-05-01T00:00:00Z,10,100",
                "api,2024-05-01T00:00:00Z,5,",
                "web,2024-05-01T01:00:00Z,12,120",
                "api,2024-05-01T01:00:00Z,NaN,51",
                "web,2024-05-01T03:00:00+01:00,11,110", ""));
        ReadResult r = new CsvReader(options(Map.of("requests", Unit.REQUESTS_PER_SECOND,
                "active_users", Unit.USERS), false)).read(f);
        List<String> keys = r.series().stream().map(s -> s.key().toString()).toList();
        assertEquals(List.of("shop/web/requests", "shop/web/active_users", "shop/api/requests", "shop/api/active_users"),
                keys);
        RegularSeries web = r.series().get(0);
        assertEquals(new TimeGrid(1714521600L, 3600, 3), web.grid());
        assertArrayEquals(new double[] {10, 12, 11}, web.values());
        assertEquals(Unit.REQUESTS_PER_SECOND, web.info().unit());
        assertEquals("target", web.info().labels().get("role"));
        assertEquals("covariate", r.series().get(1).info().labels().get("role"));
        assertArrayEquals(new double[] {NAN, 51}, r.series().get(3).values());
    }

    @Test
    void wideLayoutWithUnixMilliseconds() {
        Path f = Fixtures.text(dir, "fleet.csv", "timestamp,vm1,vm2\n1700000000000,1,2\n1700000060000,3,\n");
        ReadResult r = new CsvReader(options(Map.of(), false)).read(f);
        assertEquals("shop/vm1/value", r.series().get(0).key().toString());
        assertEquals(new TimeGrid(1700000000L, 60, 2), r.series().get(1).grid());
        assertArrayEquals(new double[] {2, NAN}, r.series().get(1).values());
    }

    @Test
    void repairModeSortsAndKeepsTheFirstRow() {
        Path f = Fixtures.text(dir, "w.csv", "timestamp,a\n120,3\n0,1\n60,2\n60,9\n");
        CsvOptions lenient = options(Map.of(), true);
        ReadResult r = new CsvReader(lenient).read(f);
        assertArrayEquals(new double[] {1, 2, 3}, r.series().get(0).values());
        assertEquals(1, r.repairs().dropped());
        assertThrows(InvalidInputException.class, () -> new CsvReader(options(Map.of(), false)).read(f));
    }

    @Test
    void rejectsRepeatedAndEmptyColumnNames() {
        Path f = Fixtures.text(dir, "r.csv", "timestamp,a,a\n0,1,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new CsvReader(options(Map.of(), false)).read(f));
        assertEquals("column 3", e.problem().field());
    }
}
