package io.prescient.server.api;

import java.util.Map;

/** The feedback page's analysis of the configured organisation, its what-if, and the figures {@code /metrics} carries. */
public interface FeedbackView {

    /** The six views and the live indicators (computed on first use, again when the history file changes). */
    Map<String, Object> analysis();

    /**
     * The equilibrium of a what-if.
     *
     * @throws IllegalArgumentException for a what-if out of range
     */
    Map<String, Object> equilibrium(double base, double market, Double capacity, java.util.List<String> launches);

    /** A figure for {@code /metrics}: its name (units in it), what it means, its value. */
    record Gauge(String name, String help, double value) {
    }

    /** The feedback figures (none until the analysis has been computed once). */
    java.util.List<Gauge> gauges();
}
