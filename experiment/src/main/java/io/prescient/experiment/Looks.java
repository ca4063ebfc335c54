package io.prescient.experiment;

/**
 * O'Brien-Fleming boundaries for equally spaced looks at a two-sided 5% level: at look k of K a
 * test stops when |statistic| reaches c_K sqrt(K / k) (Jennison and Turnbull, table 2.3). The
 * boundary of the look where a test stopped also gives its repeated confidence intervals, which keep
 * their coverage whatever the stopping.
 */
public final class Looks {

    private static final double[] CONSTANTS = {1.960, 1.977, 2.004, 2.024, 2.040};

    public static final int MAX = CONSTANTS.length;

    private Looks() {
    }

    /** @throws IllegalArgumentException unless 1 <= look <= planned <= 5 */
    public static double boundary(int look, int planned) {
        if (planned < 1 || planned > MAX || look < 1 || look > planned) {
            throw new IllegalArgumentException("an A/B test takes 1 to " + MAX + " planned looks and a look among them; got look " + look
                    + " of " + planned);
        }
        return CONSTANTS[planned - 1] * Math.sqrt((double) planned / look);
    }
}
