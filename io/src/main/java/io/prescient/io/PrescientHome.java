package io.prescient.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Prescient keeps its files: {@code $PRESCIENT_HOME}, or {@code ~/.prescient}. The embedded
 * store defaults to {@code store.duckdb} inside it, unless {@code $PRESCIENT_STORE} names another file.
 *
 * @param directory the Prescient directory
 */
public record PrescientHome(Path directory) {

    public static final String HOME_VARIABLE = "PRESCIENT_HOME";
    public static final String STORE_VARIABLE = "PRESCIENT_STORE";

    /** The home named by the environment, or {@code ~/.prescient}. */
    public static PrescientHome fromEnvironment(Map<String, String> env) {
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return new PrescientHome(Path.of(home));
        }
        return new PrescientHome(Path.of(System.getProperty("user.home"), ".prescient"));
    }

    /** The store file: {@code explicit} if given, else {@code $PRESCIENT_STORE}, else {@code store.duckdb} here. */
    public Path storeFile(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(STORE_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return directory.resolve("store.duckdb");
    }

    /** A folder inside the home, e.g. {@code samples} or {@code cache}. */
    public Path folder(String name) {
        return directory.resolve(name);
    }
}
