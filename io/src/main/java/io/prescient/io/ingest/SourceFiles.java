package io.prescient.io.ingest;

import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.io.read.Format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files to ingest from a path: the file itself, or the matching files of a directory (not recursive). */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Lists the files, ordered by name with numbers compared as numbers ({@code 2.csv} before {@code 10.csv}).
     *
     * @throws InvalidInputException if the path does not exist or a directory has no matching file
     */
    public static List<Path> of(Path path, Format format) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException(InputProblem.ofSource(path.toString(), "an existing file or directory"));
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<Path> files = entries.filter(Files::isRegularFile)
                    .filter(p -> format.accepts(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), SourceFiles::naturalOrder))
                    .toList();
            if (files.isEmpty()) {
                throw new InvalidInputException(InputProblem.ofSource(path.toString(),
                        "a directory holding .csv or .csv.gz files for format " + format.name().toLowerCase()));
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.ofSource(path.toString(),
                    "a readable directory (" + e.getMessage() + ")"), e);
        }
    }

    /** Compares names chunk by chunk, runs of digits by their numeric value. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int cmp = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
