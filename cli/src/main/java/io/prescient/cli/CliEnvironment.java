package io.prescient.cli;

import io.prescient.core.store.SeriesStore;
import io.prescient.io.PrescientHome;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.io.postgres.PostgresStore;

import java.nio.file.Path;
import java.util.Map;

/**
 * What commands need from outside the arguments: the environment variables (so that tests can set
 * them) and, through them, the Prescient directory and the store.
 */
public record CliEnvironment(Map<String, String> variables) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public PrescientHome home() {
        return PrescientHome.fromEnvironment(variables);
    }

    /** The store file: {@code explicit}, else {@code $PRESCIENT_STORE}, else the default in the Prescient directory. */
    public Path storeFile(Path explicit) {
        return home().storeFile(explicit, variables);
    }

    /** The store: a PostgreSQL database when {@code --store} or {@code $PRESCIENT_STORE} is a JDBC URL, else a DuckDB file. */
    public SeriesStore openStore(Path explicit, boolean readOnly) {
        String named = explicit != null ? explicit.toString() : variables.get("PRESCIENT_STORE");
        if (named != null && PostgresStore.names(named)) {
            return PostgresStore.open(named, readOnly);
        }
        if (named != null && PostgresStore.isUrl(named)) {
            throw new io.prescient.core.store.StoreException("store '" + PostgresStore.redacted(named) + "' is a URL of a kind Prescient "
                    + "cannot store in; expected a file path (DuckDB) or a PostgreSQL URL (jdbc:postgresql://host:5432/db?user=...)");
        }
        return DuckDbStore.open(storeFile(explicit), readOnly);
    }
}
