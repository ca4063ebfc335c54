package io.prescient.core.grid;

import io.prescient.core.TimeGrid;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects the rows of one source (timestamp, line number and one value per column, in file order)
 * in compact primitive arrays, then places them on a regular grid under {@link GridRules}. Not
 * thread-safe; one builder serves one series or one file.
 */
public final class GridBuilder {

    private final String source;
    private final String timeField;
    private final int width;
    private long[] times;
    private int[] lines;
    private double[][] columns;
    private int size;

    /**
     * @param source    the file or stream the rows come from, for error messages
     * @param timeField the name of the timestamp field, for error messages
     * @param width     number of value columns per row
     */
    public GridBuilder(String source, String timeField, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a grid needs at least one value column, got " + width);
        }
        this.source = source;
        this.timeField = timeField;
        this.width = width;
        int capacity = Math.max(16, Math.min(1024, (1 << 20) / width));
        this.times = new long[capacity];
        this.lines = new int[capacity];
        this.columns = new double[width][capacity];
    }

    /** Adds one row; {@code values} must hold {@code width} values and is copied. */
    public void add(long epochSeconds, long line, double[] values) {
        if (size == times.length) {
            // grow by half: a file of many rows peaks at 2.5 times its rows' memory while copying, not 3
            int capacity = size + size / 2;
            times = Arrays.copyOf(times, capacity);
            lines = Arrays.copyOf(lines, capacity);
            for (int c = 0; c < width; c++) {
                columns[c] = Arrays.copyOf(columns[c], capacity);
            }
        }
        times[size] = epochSeconds;
        lines[size] = (int) Math.min(line, Integer.MAX_VALUE);
        for (int c = 0; c < width; c++) {
            columns[c][size] = values[c];
        }
        size++;
    }

    public int rows() {
        return size;
    }

    /**
     * Places the rows on a grid.
     *
     * @throws InvalidInputException when there is no row, when a rule says reject, or when the step
     *                               cannot be inferred
     */
    public GriddedColumns build(GridRules rules) {
        if (size == 0) {
            throw new InvalidInputException(InputProblem.ofSource(source, "at least one data row"));
        }
        int[] order = sortedOrder(rules);
        long reordered = countMoved(order);
        long step = rules.stepSeconds() > 0 ? rules.stepSeconds() : inferStep(order);
        long t0 = times[order[0]];
        long phase = rules.anchor() == GridRules.Anchor.EPOCH ? 0 : Math.floorMod(t0, step);
        long firstBin = Math.floorDiv(t0 - phase, step);
        long lastBin = Math.floorDiv(times[order[size - 1]] - phase, step);
        long length = lastBin - firstBin + 1;
        if (length > GridRules.MAX_STEPS) {
            throw new InvalidInputException(new InputProblem(source, 0, timeField, "a span of " + length
                    + " steps of " + step + " s", "at most " + GridRules.MAX_STEPS
                    + " steps (is the time unit right, seconds vs milliseconds?)"));
        }
        if (length * width > GridRules.MAX_VALUES) {
            throw new InvalidInputException(new InputProblem(source, 0, timeField, width + " columns over " + length + " steps of "
                    + step + " s", "at most " + GridRules.MAX_VALUES + " values in one file's grid (split the file, or check the "
                    + "step and the time unit)"));
        }
        double[][] out = new double[width][(int) length];
        for (double[] column : out) {
            Arrays.fill(column, Double.NaN);
        }
        long dropped = 0;
        long floored = 0;
        long previousBin = Long.MIN_VALUE;
        int previousRow = -1;
        for (int k = 0; k < size; k++) {
            int row = order[k];
            long offset = times[row] - phase;
            long bin = Math.floorDiv(offset, step);
            if (Math.floorMod(offset, step) != 0) {
                if (rules.offGrid() == GridRules.OnOffGrid.REJECT) {
                    throw offGrid(row, step, t0);
                }
                floored++;
            }
            if (bin == previousBin) {
                if (rules.duplicates() == GridRules.OnDuplicate.REJECT) {
                    throw duplicate(row, previousRow);
                }
                dropped++;
                continue;
            }
            int index = (int) (bin - firstBin);
            for (int c = 0; c < width; c++) {
                out[c][index] = columns[c][row];
            }
            previousBin = bin;
            previousRow = row;
        }
        TimeGrid grid = new TimeGrid(firstBin * step + phase, step, (int) length);
        return new GriddedColumns(grid, out, new Repairs(reordered, dropped, floored));
    }

    private int[] sortedOrder(GridRules rules) {
        boolean sorted = true;
        for (int i = 1; i < size; i++) {
            if (times[i] < times[i - 1]) {
                if (rules.order() == GridRules.OnUnsorted.REJECT) {
                    throw new InvalidInputException(new InputProblem(source, lines[i], timeField,
                            format(times[i]), "a time at or after line " + lines[i - 1] + "'s "
                            + format(times[i - 1]) + " (rows must be in time order)"));
                }
                sorted = false;
            }
        }
        if (sorted) {
            return java.util.stream.IntStream.range(0, size).toArray();
        }
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(times[a], times[b])); // stable merge sort
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static long countMoved(int[] order) {
        long moved = 0;
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                moved++;
            }
        }
        return moved;
    }

    /** The most common positive gap between consecutive rows; the smaller gap wins a tie. */
    private long inferStep(int[] order) {
        Map<Long, Integer> counts = new HashMap<>();
        for (int k = 1; k < size; k++) {
            long gap = times[order[k]] - times[order[k - 1]];
            if (gap > 0) {
                counts.merge(gap, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            throw new InvalidInputException(new InputProblem(source, 0, timeField, "",
                    "at least two distinct timestamps to infer the step from (or give the step)"));
        }
        return counts.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue())
                        ? Long.compare(b.getKey(), a.getKey()) : Integer.compare(a.getValue(), b.getValue()))
                .orElseThrow().getKey();
    }

    private InvalidInputException offGrid(int row, long step, long t0) {
        return new InvalidInputException(new InputProblem(source, lines[row], timeField, format(times[row]),
                "a time a whole number of " + step + " s steps after the first row's " + format(t0)
                        + " (mixed steps; give the step, or allow repairs to floor times to their bin)"));
    }

    private InvalidInputException duplicate(int row, int previousRow) {
        String what = times[row] == times[previousRow] ? "a timestamp different from line "
                + lines[previousRow] + "'s (duplicate timestamp)" : "one row per step, but line "
                + lines[previousRow] + " is in the same step";
        return new InvalidInputException(new InputProblem(source, lines[row], timeField, format(times[row]), what));
    }

    private static String format(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
