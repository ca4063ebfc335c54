package io.prescient.experts.actions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An organisation's configuration-action logs, as delivered: a file, or a directory tree (CloudTrail
 * writes one gzipped file per account, region and few minutes under AWSLogs/). Each file's format is
 * read from its content: a CloudTrail log ({"Records": [...]}), a Kubernetes audit log (events one
 * per line, an array or an EventList), or the generic action CSV. A file that cannot be read is
 * reported with the reason and the others are read; every skipped event is counted by why.
 *
 * @param actions the configuration actions kept, in time order
 * @param kept    how many of each kind, by source
 * @param skipped what was passed over, by reason
 * @param failed  files that could not be read, each with its reason
 * @param files   log files read (whole or failed)
 */
public record ActionLogs(List<ConfigAction> actions, Map<String, Integer> kept, Map<String, Integer> skipped, List<String> failed,
                         int files) {

    /** The most a file may hold once decompressed. */
    static final long MAX_BYTES = 256L << 20;

    public static ActionLogs read(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + ": no such file or directory (a CloudTrail tree, a Kubernetes audit log or an "
                    + "action CSV)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + path + ": " + e.getMessage(), e);
        }
        List<ConfigAction> actions = new ArrayList<>();
        Skips skips = new Skips();
        List<String> failed = new ArrayList<>();
        int read = 0;
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!(name.endsWith(".json") || name.endsWith(".json.gz") || name.endsWith(".log") || name.endsWith(".log.gz")
                    || name.endsWith(".jsonl") || name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".gz"))) {
                skips.add("file not a log (" + (name.contains(".") ? name.substring(name.lastIndexOf('.')) : name) + ")");
                continue;
            }
            read++;
            try {
                actions.addAll(readFile(f, skips));
            } catch (IOException | RuntimeException e) {
                failed.add(f + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
            }
        }
        actions.sort(java.util.Comparator.comparing(ConfigAction::time));
        Map<String, Integer> kept = new TreeMap<>();
        actions.forEach(a -> kept.merge(a.source() + " " + a.kind().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
        return new ActionLogs(actions, kept, skips.counts(), failed, read);
    }

    static List<ConfigAction> readFile(Path file, Skips skips) throws IOException {
        String text = text(file);
        String start = text.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 4000));
        if (start.isEmpty()) {
            return List.of();
        }
        if (head.startsWith(CsvActionReader.HEADER) || head.startsWith("\uFEFF" + CsvActionReader.HEADER)) {
            return new CsvActionReader().read(file.toString(), text);
        }
        if (head.startsWith("{") && head.contains("\"Records\"")) {
            return new CloudTrailReader().read(file.toString(), text, skips);
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return new KubernetesAuditReader().read(file.toString(), text, skips);
        }
        throw new IllegalArgumentException("not a CloudTrail log, a Kubernetes audit log or an action CSV (" + CsvActionReader.HEADER + ")");
    }

    /** The file's text, gunzipped when it is gzip (by its magic bytes), at most {@link #MAX_BYTES}. */
    static String text(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new java.io.BufferedInputStream(raw);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB once decompressed");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
