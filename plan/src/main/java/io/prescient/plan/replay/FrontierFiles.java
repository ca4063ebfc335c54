package io.prescient.plan.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a replay's members as frontier.csv and plots cost ratio against violation rate as SVG. */
public final class FrontierFiles {

    private static final Map<String, String> COLOURS = Map.of("oracle", "#2ca02c", "reactive", "#1f77b4", "static",
            "#7f7f7f", "predictive", "#d62728");
    private static final int WIDTH = 760;
    private static final int HEIGHT = 480;
    private static final int MARGIN = 60;
    private static final double MIN_RATE = 1e-4;

    private FrontierFiles() {
    }

    public static void writeCsv(Path file, List<MemberScore> scores) {
        StringBuilder out = new StringBuilder("family,member,violation_rate,cost_ratio,unmet_share,slo_share,p90_series_violation\n");
        for (MemberScore s : scores) {
            out.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f%n", s.family(), s.member(),
                    s.violationRate(), s.costRatio(), s.unmetShare(), s.sloShare(), s.p90SeriesViolation()));
        }
        write(file, out.toString());
    }

    /**
     * Cost ratio (linear) against violation rate (log, from 1e-4; lower rates are drawn at 1e-4),
     * one colour per family; the predictive members are joined in order of violation rate.
     */
    public static void writeSvg(Path file, List<MemberScore> scores, String title) {
        double maxCost = Math.min(8, scores.stream().mapToDouble(MemberScore::costRatio).max().orElse(2));
        double yTop = Math.ceil(maxCost);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", MARGIN, escape(title)));
        for (int e = -4; e <= 0; e++) {
            double x = x(Math.pow(10, e));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, MARGIN, x, HEIGHT - MARGIN, x,
                    HEIGHT - MARGIN + 16, e == 0 ? "100%" : String.format(Locale.ROOT, "%s%%", pct(Math.pow(10, e)))));
        }
        for (int c = 0; c <= yTop; c++) {
            double y = y(c, yTop);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", MARGIN, y, WIDTH - MARGIN, y, MARGIN - 6, y + 4, c));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">violation rate (share of steps "
                + "with demand above capacity, log scale)</text>%n", WIDTH / 2, HEIGHT - 18));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">"
                + "cost ratio (capacity / demand)</text>%n", HEIGHT / 2, HEIGHT / 2));
        List<MemberScore> predictive = scores.stream().filter(s -> s.family().equals("predictive"))
                .sorted(Comparator.comparingDouble(MemberScore::violationRate)).toList();
        if (predictive.size() > 1) {
            StringBuilder points = new StringBuilder();
            for (MemberScore s : predictive) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(s.violationRate()), y(Math.min(s.costRatio(), yTop), yTop)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n", points.toString().trim(),
                    COLOURS.get("predictive")));
        }
        for (MemberScore s : scores) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" fill-opacity=\"0.7\">"
                    + "<title>%s %s: violations %.3f%%, cost %.3f</title></circle>%n", x(s.violationRate()),
                    y(Math.min(s.costRatio(), yTop), yTop), s.family().equals("reactive") ? 2 : 4,
                    COLOURS.getOrDefault(s.family(), "black"), s.family(), escape(s.member()), 100 * s.violationRate(), s.costRatio()));
        }
        int legendY = MARGIN + 10;
        for (String family : List.of("oracle", "reactive", "static", "predictive")) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    WIDTH - MARGIN - 90, legendY, COLOURS.get(family), WIDTH - MARGIN - 80, legendY + 4, family));
            legendY += 18;
        }
        svg.append("</svg>\n");
        write(file, svg.toString());
    }

    private static double x(double rate) {
        double r = Math.max(MIN_RATE, Math.min(1, rate));
        return MARGIN + (Math.log10(r) + 4) / 4 * (WIDTH - 2 * MARGIN);
    }

    private static double y(double cost, double top) {
        return HEIGHT - MARGIN - cost / top * (HEIGHT - 2 * MARGIN);
    }

    private static String pct(double rate) {
        return new java.math.BigDecimal(100 * rate).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void write(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
