package io.prescient.core.text;

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

    /** The longest line read, in bytes: longer ones come from a file that is not delimited text (or a decompression bomb). */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** The most fields a line may have. */
    public static final int MAX_FIELDS = 10_000;
    /**
     * How many times its own size a gzip'd file may grow when decompressed, plus {@link #GZIP_SLACK_BYTES}, and at
     * most {@link #MAX_GZIP_BYTES} (real traces grow up to about 20 times; decompress a larger file and pass it plain).
     */
    public static final int MAX_GZIP_RATIO = 50;
    public static final long GZIP_SLACK_BYTES = 8L << 20;
    public static final long MAX_GZIP_BYTES = 64L << 20;

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
            long limit = Long.MAX_VALUE;
            if (file.getFileName().toString().endsWith(".gz")) {
                limit = Math.min(MAX_GZIP_BYTES, MAX_GZIP_RATIO * Files.size(file) + GZIP_SLACK_BYTES);
                in = new GZIPInputStream(in, 1 << 16);
            }
            in = new LimitedInput(in, MAX_LINE_BYTES, limit);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            return new DelimitedLines(file.toString(), reader, separator);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.ofSource(file.toString(),
                    "a readable file (" + e.getMessage() + ")"), e);
        }
    }

    /** Reads {@code text} (e.g. a request's field), naming it {@code source} in errors. */
    public static DelimitedLines of(String source, String text, char separator) {
        return new DelimitedLines(source, new BufferedReader(new java.io.StringReader(text)), separator);
    }

    public String source() {
        return source;
    }

    /**
     * The next record of a file whose header has {@code width} fields, or null at the end.
     *
     * @throws InvalidInputException naming the line when it has another number of fields
     */
    public List<String> nextRecord(int width) {
        List<String> f = next();
        if (f != null && f.size() != width) {
            throw new InvalidInputException(new InputProblem(source, lineNumber, "", f.size() + " fields", width
                    + " fields, as in the header"));
        }
        return f;
    }

    /** An ISO instant in {@code column} of the line last returned, or an error naming the file, the line and the column. */
    public java.time.Instant instant(String column, String text) {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(new InputProblem(source, lineNumber, column, text, "a time such as 2024-05-01T10:00:00Z"));
        }
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
        } catch (LimitedInput.Exceeded e) {
            throw new InvalidInputException(new InputProblem(source, lineNumber + 1, "", e.found(), e.expected()), e);
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
                if (fields.size() >= MAX_FIELDS) {
                    throw new InvalidInputException(new InputProblem(source, lineNumber, "", "more than " + MAX_FIELDS + " fields",
                            "at most " + MAX_FIELDS + " fields a line (split the file)"));
                }
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
