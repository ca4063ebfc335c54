package io.prescient.io.read;

import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file (plain or gzip'd, UTF-8, optional byte-order mark) one line at a time and splits
 * each into fields on one separator character, trimming blanks around fields and honouring
 * double-quoted fields ({@code "a,b"}, {@code ""} for a quote). Blank lines are skipped. Counts lines
 * from 1 so that errors can name them.
 */
public final class DelimitedLines implements AutoCloseable {

    private final String source;
    private final BufferedReader reader;
    private final char separator;
    private long lineNumber;

    private DelimitedLines(String source, BufferedReader reader, char separator) {
        this.source = source;
        this.reader = reader;
        this.separator = separator;
    }

    /** Opens {@code file}, decompressing it when its name ends in {@code .gz}. */
    public static DelimitedLines open(Path file, char separator) {
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            return new DelimitedLines(file.toString(), reader, separator);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.ofSource(file.toString(),
                    "a readable file (" + e.getMessage() + ")"), e);
        }
    }

    public String source() {
        return source;
    }

    /** The number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next non-blank line split into fields, or null at the end of the file. */
    public List<String> next() {
        String line;
        try {
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
            } while (line.isBlank());
        } catch (IOException e) {
            throw new InvalidInputException(new InputProblem(source, lineNumber + 1, "", "",
                    "readable content (" + e.getMessage() + ")"), e);
        }
        return split(line);
    }

    private List<String> split(String line) {
        List<String> fields = new ArrayList<>(12);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(new InputProblem(source, lineNumber, "field " + (fields.size() + 1),
                    field.toString(), "a closing double quote on the same line"));
        }
        fields.add(field.toString().strip());
        return fields;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
