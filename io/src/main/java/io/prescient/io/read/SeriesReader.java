package io.prescient.io.read;

import java.nio.file.Path;

/** Reads one file of one format into series. Implementations are stateless and thread-safe. */
public interface SeriesReader {

    /**
     * Reads and validates the whole file.
     *
     * @throws io.prescient.core.validation.InvalidInputException naming file, line and field of the first problem
     */
    ReadResult read(Path file);

    /** Which files of a directory this reader takes. */
    Format format();
}
