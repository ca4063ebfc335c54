package io.prescient.forecast.eval;

import io.prescient.core.Steps;

import java.util.Locale;

/**
 * A protocol task: the grid step, the horizon H and the season m used by MASE.
 *
 * @param name        e.g. {@code 5T/short}
 * @param stepSeconds the grid step
 * @param horizon     H, steps per test window
 * @param season      m, steps per season for the seasonal error
 * @param maxWindows  the cap on the number of windows (20 in the protocol)
 * @param fixedWindows exactly this many windows instead of the protocol's formula (0: the formula)
 */
public record ForecastTask(String name, long stepSeconds, int horizon, int season, int maxWindows, int fixedWindows) {

    public ForecastTask {
        if (horizon < 1 || season < 1 || maxWindows < 1 || fixedWindows < 0) {
            throw new IllegalArgumentException("horizon, season and window cap must be positive");
        }
    }

    /** A task with the protocol's window formula. */
    public ForecastTask(String name, long stepSeconds, int horizon, int season, int maxWindows) {
        this(name, stepSeconds, horizon, season, maxWindows, 0);
    }

    /**
     * The GIFT-Eval task for a frequency and term: short = 48 steps, medium = 480, long = 720;
     * season 288 on 5-minute and 24 on hourly grids (one day), else the steps per day.
     */
    public static ForecastTask of(String freq, String term) {
        long step = Steps.parseSeconds(freq);
        int horizon = switch (term.toLowerCase(Locale.ROOT)) {
            case "short" -> 48;
            case "medium" -> 480;
            case "long" -> 720;
            default -> throw new IllegalArgumentException("term '" + term + "': expected short, medium or long");
        };
        int season = Steps.season(step);
        String label = (step == 3600 ? "H" : step % 60 == 0 && step < 3600 ? (step / 60) + "T" : Steps.format(step))
                + "/" + term.toLowerCase(Locale.ROOT);
        return new ForecastTask(label, step, horizon, season, 20);
    }

    /** With another horizon (and the same step and season). */
    public ForecastTask withHorizon(int newHorizon) {
        return new ForecastTask(name, stepSeconds, newHorizon, season, maxWindows, fixedWindows);
    }

    /** With exactly {@code windows} windows at the end of the grid, e.g. the held-back windows of a validation. */
    public ForecastTask withWindows(int windows) {
        if (windows < 1) {
            throw new IllegalArgumentException("need at least one window, got " + windows);
        }
        return new ForecastTask(name, stepSeconds, horizon, season, maxWindows, windows);
    }

    /** W = min(max(1, ceil(0.1 * shortest / H)), cap), or the fixed number of windows. */
    public int windows(int shortestLength) {
        if (fixedWindows > 0) {
            return fixedWindows;
        }
        int w = (int) Math.ceil(0.1 * shortestLength / horizon);
        return Math.min(Math.max(1, w), maxWindows);
    }

    /**
     * The first step of window {@code k} (0-based, earliest first) on a grid of {@code length} steps
     * with {@code windows} windows: L - (W - k) H.
     */
    public int windowStart(int length, int windows, int k) {
        int start = length - (windows - k) * horizon;
        if (start < 1) {
            throw new IllegalArgumentException("a grid of " + length + " steps is too short for " + windows
                    + " windows of " + horizon);
        }
        return start;
    }
}
