package io.prescient.io.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransactionTest {

    @Test
    void anOutOfMemoryErrorMidWriteCommitsNothing(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("t.duckdb"))) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE points (v INTEGER)");
            }
            assertThrows(OutOfMemoryError.class, () -> Transaction.run(c, () -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO points VALUES (1), (2), (3)");
                }
                throw new OutOfMemoryError("simulated, half-way through a file");
            }));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM points")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the half-written file was rolled back, not committed");
            }
        }
    }
}
