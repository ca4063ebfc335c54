package io.prescient.core.grid;

/**
 * How raw observations become a regular grid.
 *
 * @param stepSeconds the grid step, or 0 to infer it as the most common gap between consecutive rows
 * @param anchor      where bins start: at multiples of the step since the epoch, or on the first row's phase
 * @param order       what to do with rows earlier than the row before them
 * @param duplicates  what to do with several rows in one bin
 * @param offGrid     what to do with a row whose timestamp is not on a bin boundary
 */
public record GridRules(long stepSeconds, Anchor anchor, OnUnsorted order, OnDuplicate duplicates, OnOffGrid offGrid) {

    /** Where bin boundaries lie. */
    public enum Anchor {
        /** Bins at multiples of the step since the Unix epoch: bin = floor(t / step). */
        EPOCH,
        /** Bins on the phase of the earliest row: bin = floor((t - t0) / step). */
        FIRST_ROW
    }

    /** Rows out of time order. */
    public enum OnUnsorted { REJECT, STABLE_SORT }

    /** Several rows in one bin (including exact duplicate timestamps). */
    public enum OnDuplicate { REJECT, KEEP_FIRST }

    /** Timestamps between bin boundaries (jitter, or a step that is not the grid's). */
    public enum OnOffGrid { REJECT, FLOOR_TO_BIN }

    /** Longest grid a file may produce; longer ones come from a wrong time unit far more often than from real data. */
    public static final int MAX_STEPS = 20_000_000;

    /** Most values (columns x steps) one file's grid may hold: 200 MB of doubles. */
    public static final long MAX_VALUES = 25_000_000;

    /** @throws IllegalArgumentException if the step is negative or a rule is missing */
    public GridRules {
        if (stepSeconds < 0) {
            throw new IllegalArgumentException("grid step must not be negative, got " + stepSeconds);
        }
        if (anchor == null || order == null || duplicates == null || offGrid == null) {
            throw new IllegalArgumentException("every grid rule must be given");
        }
    }

    /** Rejects every defect: rows must be sorted, unique and exactly on one step. */
    public static GridRules strict(long stepSeconds) {
        return new GridRules(stepSeconds, Anchor.FIRST_ROW, OnUnsorted.REJECT, OnDuplicate.REJECT, OnOffGrid.REJECT);
    }

    /**
     * The forecast protocol's rule for jittered monitoring data: bin = floor(t / step) from the
     * epoch, stable sort, and the first row of each bin kept.
     */
    public static GridRules firstPerEpochBin(long stepSeconds) {
        return new GridRules(stepSeconds, Anchor.EPOCH, OnUnsorted.STABLE_SORT, OnDuplicate.KEEP_FIRST,
                OnOffGrid.FLOOR_TO_BIN);
    }

    /** Like {@link #firstPerEpochBin} but with bins on the first row's phase and the step inferred when 0. */
    public static GridRules lenient(long stepSeconds) {
        return new GridRules(stepSeconds, Anchor.FIRST_ROW, OnUnsorted.STABLE_SORT, OnDuplicate.KEEP_FIRST,
                OnOffGrid.FLOOR_TO_BIN);
    }

    public GridRules withStep(long newStepSeconds) {
        return new GridRules(newStepSeconds, anchor, order, duplicates, offGrid);
    }
}
