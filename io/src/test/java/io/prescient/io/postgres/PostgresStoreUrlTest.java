package io.prescient.io.postgres;

import io.prescient.core.store.StoreException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresStoreUrlTest {

    @Test
    void postgresUrlsWithCredentialsBecomeJdbcUrlsAsTypedOrFoldedByAPath() {
        assertEquals("jdbc:postgresql://db:5432/p?user=ops&password=s3cret", PostgresStore.jdbcUrl("postgresql://ops:s3cret@db:5432/p"));
        assertEquals("jdbc:postgresql://db:5432/p?user=ops&password=s3cret", PostgresStore.jdbcUrl("postgresql:/ops:s3cret@db:5432/p"));
        assertEquals("jdbc:postgresql://db/p?sslmode=require&user=ops", PostgresStore.jdbcUrl("postgres://ops@db/p?sslmode=require"));
        assertEquals("jdbc:postgresql://db/p?user=a&password=b", PostgresStore.jdbcUrl("jdbc:postgresql://db/p?user=a&password=b"));
        assertTrue(PostgresStore.names("postgresql:/ops:s3cret@db/p"), "the form a file path folds the URL into");
        assertFalse(PostgresStore.names("store.duckdb"));
        assertTrue(PostgresStore.isUrl("mysql://u:p@h/db"));
        assertFalse(PostgresStore.isUrl("/var/lib/prescient/store.duckdb"));
    }

    @Test
    void noPasswordIsEverShown() {
        for (String url : new String[] {"postgresql://ops:s3cret@db/p", "postgresql:/ops:s3cret@db/p",
                "jdbc:postgresql://db/p?user=ops&password=s3cret&ssl=true", "mysql://ops:s3cret@db/p"}) {
            String shown = PostgresStore.redacted(url);
            assertFalse(shown.contains("s3cret"), shown);
            assertTrue(shown.contains("***"), shown);
        }
        StoreException e = assertThrows(StoreException.class, () -> PostgresStore.open("postgresql://ops:s3cret@127.0.0.1:1/p", false));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
    }
}
