package io.prescient.io.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The {@link PlanningJournalContract} on a real PostgreSQL server ({@link PostgresTestDatabase}). */
class PostgresPlanningJournalIT extends PlanningJournalContract {

    private final PostgresTestDatabase database = PostgresTestDatabase.required();

    @Override
    protected JdbcStore open(String name, boolean readOnly) {
        return database.open(name, readOnly);
    }

    @AfterEach
    void dropSchemas() {
        database.dropSchemas();
    }
}
