package io.prescient.experts.actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the generic action CSV: {@code time,account,resource,kind,from,to} (kind as in {@link ConfigAction.Kind}, any case). */
public final class CsvActionReader {

    public static final String HEADER = "time,account,resource,kind,from,to";

    public List<ConfigAction> read(Path file) throws IOException {
        return read(file.toString(), Files.readString(file));
    }

    public List<ConfigAction> read(String file, String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new IllegalArgumentException(file + ":1: expected the header '" + HEADER + "'");
        }
        List<ConfigAction> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            String where = file + ":" + (i + 1);
            if (f.length != 6) {
                throw new IllegalArgumentException(where + ": expected 6 fields (" + HEADER + "), got " + f.length);
            }
            Instant time;
            try {
                time = Instant.parse(f[0].strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": field 'time': expected a time such as 2024-05-01T10:00:00Z, got '"
                        + f[0] + "'");
            }
            ConfigAction.Kind kind;
            try {
                kind = ConfigAction.Kind.valueOf(f[3].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": field 'kind': expected one of "
                        + java.util.Arrays.toString(ConfigAction.Kind.values()).toLowerCase(Locale.ROOT) + ", got '" + f[3] + "'");
            }
            if (f[1].isBlank() || f[2].isBlank()) {
                throw new IllegalArgumentException(where + ": fields 'account' and 'resource': expected values");
            }
            out.add(new ConfigAction(time, f[1].strip(), f[2].strip(), kind, f[4].strip(), f[5].strip(), "csv"));
        }
        return out;
    }
}
