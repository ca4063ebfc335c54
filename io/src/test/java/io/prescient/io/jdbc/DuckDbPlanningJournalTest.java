package io.prescient.io.jdbc;

import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.StoreException;
import io.prescient.io.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link PlanningJournalContract} on the embedded DuckDB store, and a store file that vanishes while open. */
class DuckDbPlanningJournalTest extends PlanningJournalContract {

    @TempDir
    Path dir;

    @Override
    protected JdbcStore open(String name, boolean readOnly) {
        return DuckDbStore.open(dir.resolve(name + ".duckdb"), readOnly);
    }

    private static PlanningJournal.Step step(long origin) {
        return new PlanningJournal.Step("run1", "vm-1", origin, 300, 0.95, new double[] {1}, new double[] {2}, new double[] {3}, 1, 2,
                false, "dry-run", "", "naive");
    }

    @Test
    void aStoreFileDeletedOrReplacedWhileOpenRefusesEveryWriteAndIsNeverRecreated() throws Exception {
        Path file = dir.resolve("vanishing.duckdb");
        try (JdbcStore store = DuckDbStore.open(file, false)) {
            store.journal().record(step(600));
            Files.delete(file);
            StoreException deleted = assertThrows(StoreException.class, () -> store.journal().record(step(900)));
            assertTrue(deleted.getMessage().contains("was deleted while the store was open"), deleted.getMessage());
            assertTrue(Files.notExists(file), "the store is not silently recreated");
            Path copy;
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                copy = files.filter(p -> p.getFileName().toString().startsWith("vanishing.duckdb.recovered-")).findFirst().orElseThrow();
            }
            assertTrue(deleted.getMessage().contains("saved in " + copy), deleted.getMessage());
            assertEquals(1, store.journal().steps("run1").size(), "what it held is still readable");
            assertThrows(StoreException.class, () -> store.models().register(null, new byte[0]));
            try (JdbcStore recovered = DuckDbStore.open(copy, true)) {
                assertEquals(1, recovered.journal().steps("run1").size(), "what the deleted store held is in the saved copy");
            }
        }
        Path other = dir.resolve("replaced.duckdb");
        try (JdbcStore store = DuckDbStore.open(other, false)) {
            store.journal().record(step(600));
            Path moved = dir.resolve("moved.duckdb");
            Files.move(other, moved);
            Files.copy(moved, other);
            StoreException replaced = assertThrows(StoreException.class, () -> store.journal().record(step(900)));
            assertTrue(replaced.getMessage().contains("was replaced by another file"), replaced.getMessage());
        }
    }
}
