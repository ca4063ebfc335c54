package io.prescient.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code -} as a data argument: standard input, copied to a file ({@code <temp>/stdin/stdin.csv},
 * removed when the JVM exits) so that the readers, which need a file (its header for the format, a
 * second pass for the grid), read it as any other; its dataset is {@code stdin}.
 */
final class StandardInput {

    static final String DASH = "-";

    private StandardInput() {
    }

    /** Standard input as a file. */
    static Path file(InputStream in) {
        try {
            Path dir = Files.createDirectories(Files.createTempDirectory("prescient-").resolve("stdin"));
            Path file = dir.resolve("stdin.csv");
            Files.copy(in, file);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            dir.getParent().toFile().deleteOnExit();
            if (Files.size(file) == 0) {
                throw new IllegalArgumentException("standard input ('-') is empty; pipe the data in, e.g. cat load.csv | prescient ...");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }
}
