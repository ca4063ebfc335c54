package io.prescient.io.jdbc;

import io.prescient.io.duckdb.DuckDbStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The {@link ModelRegistryContract} on the embedded DuckDB store. */
class DuckDbModelRegistryTest extends ModelRegistryContract {

    @TempDir
    Path dir;

    @Override
    protected JdbcStore open(String name, boolean readOnly) {
        return DuckDbStore.open(dir.resolve(name + ".duckdb"), readOnly);
    }
}
