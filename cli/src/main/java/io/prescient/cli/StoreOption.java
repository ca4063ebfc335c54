package io.prescient.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --store} option shared by every command that reads or writes the store. */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "<file>",
            description = "Store file (DuckDB). Default: $PRESCIENT_STORE, else $PRESCIENT_HOME/store.duckdb, "
                    + "else ~/.prescient/store.duckdb.")
    Path file;

    public Path file() {
        return file;
    }
}
