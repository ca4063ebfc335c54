package io.prescient.io.jdbc;

import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.StoreException;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class PlanningJournalContract {

    /** Opens (creating when writing) the store called {@code name}, the same one each time for the same name. */
    protected abstract JdbcStore open(String name, boolean readOnly);

    @Test
    void stepsAndTheirActionsAreKeptAndReadBack() throws Exception {
        String file = "s";
        try (JdbcStore store = open(file, false)) {
            PlanningJournal journal = store.journal();
            journal.record(new PlanningJournal.Step("run1", "vm-1", 600, 300, 0.95, new double[] {1.5, 2}, new double[] {3, 4},
                    new double[] {5, 5}, 1, 2, false, "dry-run", "scale up", "ets-20261202T000000Z-abc123"));
            journal.record(new PlanningJournal.Step("run1", "vm-2", 600, 300, 0.95, new double[0], new double[0], new double[0],
                    3, 3, true, "dry-run", "hold 3 units: no data", "ets"));
            journal.record(new PlanningJournal.Step("run2", "vm-1", 900, 300, 0.95, new double[] {1}, new double[] {2},
                    new double[] {3}, 2, 2, false, "file", "keep", "lstm"));
            assertEquals(900, journal.latest("vm-1").orElseThrow().originTs());
            assertEquals("run1", journal.latestChange("vm-1").orElseThrow().runId());
            assertTrue(journal.latestChange("vm-2").isEmpty());
            assertEquals(List.of(600L, 900L), journal.recent("vm-1", 5).stream().map(PlanningJournal.Step::originTs).toList(),
                    "a workload's latest steps across runs, oldest first");
            assertEquals(List.of("run2"), journal.recent("vm-1", 1).stream().map(PlanningJournal.Step::runId).toList());
            assertTrue(journal.recent("vm-3", 5).isEmpty());
            List<PlanningJournal.Step> run1 = journal.steps("run1");
            assertEquals(2, run1.size());
            assertArrayEquals(new double[] {1.5, 2}, run1.get(0).median(), 0.0);
            assertEquals(0, run1.get(1).upper().length);
            assertTrue(run1.get(1).held());
            assertEquals("ets-20261202T000000Z-abc123", run1.get(0).model(), "which model made the decision is kept");
            PlanningJournal.Step sent = new PlanningJournal.Step("run4", "vm-3", 900, 300, 0.95, new double[] {1}, new double[] {2},
                    new double[] {3}, 2, 4, false, "kubernetes", "scale up", "ets");
            journal.record(sent);
            assertEquals(List.of("recorded"), statuses(store, "vm-3"), "recorded before it reaches the actuator");
            journal.actuated(sent, PlanningJournal.Actuation.FAILED, "the API server is out of reach");
            assertEquals(List.of("failed: the API server is out of reach"), statuses(store, "vm-3"), "its outcome after");
            // a run killed between record and actuation leaves its action unsettled, whatever a later run decides for the same origin
            PlanningJournal.Step crashed = new PlanningJournal.Step("run5", "vm-5", 900, 300, 0.95, new double[] {1}, new double[] {2},
                    new double[] {3}, 2, 4, false, "kubernetes", "scale up", "ets");
            PlanningJournal.Step restarted = new PlanningJournal.Step("run6", "vm-5", 900, 300, 0.95, new double[] {1}, new double[] {2},
                    new double[] {3}, 2, 4, false, "kubernetes", "scale up", "ets");
            journal.record(crashed);
            journal.record(restarted);
            journal.actuated(restarted, PlanningJournal.Actuation.APPLIED, "");
            assertEquals(List.of("applied: scale up", "recorded"), statuses(store, "vm-5").stream().sorted().toList());
            journal.actuated(run1.get(0), PlanningJournal.Actuation.DRY_RUN, "");
            assertEquals(List.of("dry-run: scale up"), statuses(store, "vm-1").subList(0, 1));
            try (Statement st = store.connectionForTests().createStatement();
                 ResultSet rs = st.executeQuery("SELECT kind, count(*) FROM actions GROUP BY kind ORDER BY kind")) {
                rs.next();
                assertEquals("hold", rs.getString(1));
                rs.next();
                assertEquals("keep", rs.getString(1));
                rs.next();
                assertEquals("order", rs.getString(1));
            }
        }
        try (JdbcStore readOnly = open(file, true)) {
            assertEquals(1, readOnly.journal().steps("run2").size());
            assertThrows(StoreException.class, () -> readOnly.journal().record(new PlanningJournal.Step("run3", "vm", 0, 300,
                    0.95, new double[0], new double[0], new double[0], 1, 1, true, "dry-run", "x", "ets")));
        }
    }

    /** The status and detail of a workload's actions, oldest first. */
    static List<String> statuses(JdbcStore store, String workload) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement ps = store.connectionForTests().prepareStatement(
                "SELECT status, detail FROM actions WHERE workload = ? ORDER BY created_at")) {
            ps.setString(1, workload);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).equals("recorded") ? "recorded" : rs.getString(1) + ": " + rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void aStoreOfTheReleaseBeforeGainsTheModelColumnAndKeepsItsSteps() throws Exception {
        String file = "old";
        try (JdbcStore store = open(file, false)) {
            store.journal().record(new PlanningJournal.Step("run1", "vm-1", 600, 300, 0.95, new double[] {1}, new double[] {2},
                    new double[] {3}, 1, 2, false, "dry-run", "scale up", "ets"));
            try (Statement st = store.connectionForTests().createStatement()) {
                st.execute("ALTER TABLE loop_steps DROP COLUMN model");
                st.execute("DELETE FROM schema_version");
                st.execute("INSERT INTO schema_version VALUES (3, now())");
            }
        }
        try (JdbcStore store = open(file, false)) {
            assertEquals(1, store.journal().steps("run1").size(), "the step recorded before the migration is kept");
            store.journal().record(new PlanningJournal.Step("run2", "vm-1", 900, 300, 0.95, new double[] {1}, new double[] {2},
                    new double[] {3}, 2, 2, false, "dry-run", "keep", "lstm-1"));
            assertEquals("lstm-1", store.journal().steps("run2").get(0).model());
        }
    }
}
