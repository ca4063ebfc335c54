package io.prescient.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small SVG line chart (series over a common x axis, an optional shaded band) for command outputs. */
final class LineChart {

    private record Line(String name, double[] y, String colour, boolean dashed) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 60;

    private final String title;
    private final List<Line> lines = new ArrayList<>();
    private double[] bandLow;
    private double[] bandHigh;
    private String bandName;

    LineChart(String title) {
        this.title = title;
    }

    LineChart line(String name, double[] y, String colour, boolean dashed) {
        lines.add(new Line(name, y.clone(), colour, dashed));
        return this;
    }

    LineChart band(String name, double[] low, double[] high) {
        this.bandName = name;
        this.bandLow = low.clone();
        this.bandHigh = high.clone();
        return this;
    }

    void write(Path file) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Line l : lines) {
            for (double v : l.y()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            n = Math.max(n, l.y().length);
        }
        if (bandLow != null) {
            for (int i = 0; i < bandLow.length; i++) {
                min = Math.min(min, bandLow[i]);
                max = Math.max(max, bandHigh[i]);
            }
        }
        double pad = (max - min) * 0.05 + 1e-9;
        min -= pad;
        max += pad;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" font-family=\"sans-serif\" font-size=\"12\"><rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>"
                + "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", WIDTH, HEIGHT, MARGIN, title.replace("&", "&amp;").replace("<", "&lt;")));
        for (int k = 0; k <= 4; k++) {
            double v = min + (max - min) * k / 4;
            double y = y(v, min, max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" "
                    + "y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", MARGIN, y, WIDTH - MARGIN, y, MARGIN - 6, y + 4, v));
        }
        if (bandLow != null) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < bandHigh.length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n), y(bandHigh[i], min, max)));
            }
            for (int i = bandLow.length - 1; i >= 0; i--) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n), y(bandLow[i], min, max)));
            }
            svg.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"#d62728\" fill-opacity=\"0.15\"/>%n", points.toString().trim()));
        }
        int legend = 0;
        for (Line l : lines) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < l.y().length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n), y(l.y()[i], min, max)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    points.toString().trim(), l.colour(), l.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - MARGIN - 170, MARGIN + 10 + 18 * legend, WIDTH - MARGIN - 150,
                    MARGIN + 10 + 18 * legend, l.colour(), WIDTH - MARGIN - 144, MARGIN + 14 + 18 * legend, l.name()));
            legend++;
        }
        if (bandName != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"20\" height=\"10\" fill=\"#d62728\" fill-opacity=\"0.15\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - MARGIN - 170, MARGIN + 5 + 18 * legend, WIDTH - MARGIN - 144,
                    MARGIN + 14 + 18 * legend, bandName));
        }
        svg.append("</svg>\n");
        try {
            Files.writeString(file, svg.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static double x(int i, int n) {
        return MARGIN + (double) i / Math.max(1, n - 1) * (WIDTH - 2 * MARGIN);
    }

    private static double y(double v, double min, double max) {
        return HEIGHT - MARGIN - (v - min) / (max - min) * (HEIGHT - 2 * MARGIN);
    }
}
