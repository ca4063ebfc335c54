package io.prescient.core.store;

/**
 * What one atomic write did.
 *
 * @param added     series that were new
 * @param replaced  series whose values changed and were replaced
 * @param unchanged series already stored with exactly these values (nothing written)
 * @param points    values written (present steps of added and replaced series)
 */
public record WriteOutcome(int added, int replaced, int unchanged, long points) {

    public static final WriteOutcome NOTHING = new WriteOutcome(0, 0, 0, 0);

    public WriteOutcome plus(WriteOutcome other) {
        return new WriteOutcome(added + other.added, replaced + other.replaced, unchanged + other.unchanged,
                points + other.points);
    }

    public int series() {
        return added + replaced + unchanged;
    }
}
