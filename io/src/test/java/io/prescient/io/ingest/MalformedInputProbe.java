package io.prescient.io.ingest;

import io.prescient.core.Unit;
import io.prescient.core.validation.InputProblem;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.io.jdbc.JdbcStore;
import io.prescient.io.read.CsvOptions;
import io.prescient.io.read.CsvReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Ingests each file given after the store into it and prints one line per file, "rejected: ..." or
 * "stored: ..."; run in a JVM with a small heap, it shows that no input needs more. Exit code 1 when
 * any file was stored or the JVM failed.
 */
public final class MalformedInputProbe {

    private MalformedInputProbe() {
    }

    public static void main(String[] args) {
        CsvOptions d = CsvOptions.defaults();
        CsvReader csv = new CsvReader(new CsvOptions("shop", d.layout(), d.wideColumns(), null, Unit.PERCENT, Map.of(), 0,
                d.timeUnit(), false));
        boolean anyStored = false;
        try (JdbcStore store = DuckDbStore.open(Path.of(args[0]), false)) {
            for (int i = 1; i < args.length; i++) {
                System.out.println("reading: " + args[i]);
                IngestReport r = new Ingestor(store, csv, 1, false).ingest(List.of(Path.of(args[i])), done -> { });
                if (r.allStored()) {
                    anyStored = true;
                    System.out.println("stored: " + args[i]);
                }
                for (InputProblem p : r.rejected()) {
                    System.out.println("rejected: " + p.message());
                }
            }
        }
        System.exit(anyStored ? 1 : 0);
    }
}
