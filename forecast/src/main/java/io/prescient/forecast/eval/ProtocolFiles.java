package io.prescient.forecast.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a backtest's results in the protocol's forms: {@code forecasts.csv} (one row per series,
 * variate, window and step: {@code item_id,variate,window,step,q0.1..q0.9,mean}) and
 * {@code metrics.json}. Each file is written to a temporary name and moved into place, so a reader
 * never sees half a file.
 */
public final class ProtocolFiles {

    public static final String HEADER = "item_id,variate,window,step,q0.1,q0.2,q0.3,q0.4,q0.5,q0.6,q0.7,q0.8,q0.9,mean";

    private ProtocolFiles() {
    }

    public static void writeForecasts(Path file, List<Backtest.Result> results) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            StringBuilder line = new StringBuilder(256);
            for (Backtest.Result result : results) {
                for (Backtest.SeriesResult s : result.series()) {
                    for (Backtest.WindowForecast wf : s.windows()) {
                        for (int h = 0; h < wf.deciles().length; h++) {
                            line.setLength(0);
                            line.append(wf.item()).append(',').append(wf.variate()).append(',').append(wf.window())
                                    .append(',').append(h + 1);
                            for (double q : wf.deciles()[h]) {
                                line.append(',').append((float) q);
                            }
                            line.append(',').append((float) wf.mean()[h]);
                            w.write(line.toString());
                            w.newLine();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        move(tmp, file);
    }

    /**
     * One row per series: its points, MASE, CRPS alone, its share of the pooled CRPS numerator, MAE and
     * coverage, to find the series that dominate a pooled metric.
     */
    public static void writeSeriesScores(Path file, Backtest.Result result) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        double totalLoss = result.series().stream().mapToDouble(s -> s.scores().quantileLossSum()).sum();
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("item_id,variate,points,mase,crps,crps_share,mae,coverage_80,fallbacks");
            w.newLine();
            for (Backtest.SeriesResult s : result.series()) {
                Scores sc = s.scores();
                w.write(String.join(",", s.item(), s.variate(), Long.toString(sc.points()), Double.toString(sc.mase()),
                        Double.toString(sc.crps()), Double.toString(totalLoss == 0 ? 0 : sc.quantileLossSum() / totalLoss),
                        Double.toString(sc.mae()), Double.toString(sc.coverage80()), Integer.toString(s.fallbacks().size())));
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        move(tmp, file);
    }

    /** The metrics of a run as a JSON-ready map. */
    public static Map<String, Object> metrics(Backtest.Result r, String dataset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", r.task().name());
        m.put("model", r.model());
        m.put("dataset", dataset);
        m.put("horizon", r.task().horizon());
        m.put("windows", r.windows());
        m.put("season", r.task().season());
        m.put("series", r.series().size());
        m.put("points", r.scores().points());
        m.put("MASE", r.scores().mase());
        m.put("CRPS", r.scores().crps());
        m.put("MAE", r.scores().mae());
        m.put("coverage_80", r.scores().coverage80());
        m.put("wall_seconds", r.elapsed().toMillis() / 1000.0);
        long fits = (long) r.series().size() * r.windows();
        double cpuSeconds = r.series().stream().mapToLong(Backtest.SeriesResult::fitNanos).sum() / 1e9;
        m.put("fit_cpu_seconds", cpuSeconds);
        m.put("fit_cpu_ms_per_window", fits == 0 ? 0 : 1000 * cpuSeconds / fits);
        long fallbacks = r.series().stream().mapToLong(s -> s.fallbacks().size()).sum();
        m.put("fallbacks", fallbacks);
        return m;
    }

    public static void writeJson(Path file, Object value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        move(tmp, file);
    }

    private static void move(Path tmp, Path file) {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
