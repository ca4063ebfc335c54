package io.prescient.io.jdbc;

import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Several server instances on one PostgreSQL store: they create the schema and write at the same time without losing anything. */
class PostgresConcurrentWritersIT {

    private final PostgresTestDatabase database = PostgresTestDatabase.required();

    @AfterEach
    void dropSchemas() {
        database.dropSchemas();
    }

    @Test
    void fourWritersOpeningAndWritingAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    try (JdbcStore store = database.open("shared", false)) {
                        for (int i = 0; i < 10; i++) {
                            double[] y = new double[288];
                            java.util.Arrays.fill(y, writer * 100 + i);
                            store.write(List.of(new RegularSeries(new SeriesInfo(new SeriesKey("fleet", "w" + writer + "-s" + i, "cpu"),
                                    Unit.PERCENT, Map.of("writer", "w" + writer)), new TimeGrid(0, 300, y.length), y)), "writer " + writer);
                            store.journal().record(new io.prescient.core.store.PlanningJournal.Step("run-" + writer, "w" + writer + "-s" + i,
                                    i * 300L, 300, 0.95, new double[] {1}, new double[] {2}, new double[] {3}, 1, 2, false, "dry-run", "order", "ets"));
                        }
                        return 10;
                    }
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(10, f.get());
            }
        } finally {
            pool.shutdown();
        }
        try (JdbcStore store = database.open("shared", true)) {
            assertEquals(40, store.list("fleet").size());
            for (int w = 0; w < 4; w++) {
                assertEquals(10, store.journal().steps("run-" + w).size());
                assertEquals(w * 100 + 9, store.load(SeriesKey.parse("fleet/w" + w + "-s9/cpu")).value(287), 0);
            }
        }
    }
}
