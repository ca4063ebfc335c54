package io.prescient.experts.fleet;

/**
 * Best-practice rules an account is checked against (user-supplied; one point each): at most
 * {@code maxSaturatedShare} of VM-hours saturated, at most {@code maxChangesPerWeek} type changes
 * per VM a week, and no VM left not well sized for more than {@code maxMisSizedDays} days running, and at most {@code maxHotProductionShare} of production VM-days
 * without headroom (P95 utilisation over 80%), and at least
 * {@code minRightFamilyShare} of VM-days in the family whose memory per vCPU suits the usage, and at most
 * {@code maxTightChangeShare} of type changes made without headroom ({@link AccountDay#TIGHT}).
 */
public record BestPractice(double maxSaturatedShare, double maxChangesPerWeek, int maxMisSizedDays, double maxHotProductionShare,
                           double minRightFamilyShare, double maxTightChangeShare) {

    public static BestPractice defaults() {
        return new BestPractice(0.01, 1, 14, 0.2, 0.6, 0.1);
    }

    private static final java.util.List<String> KEYS = java.util.List.of("max_saturated_share", "max_changes_per_week",
            "max_mis_sized_days", "max_hot_production_share", "min_right_family_share", "max_tight_change_share");

    /**
     * The organisation's own rules from a file of {@code key = value} lines ({@code #} comments), any of
     * the six keys ({@code max_saturated_share}, {@code max_changes_per_week}, {@code max_mis_sized_days},
     * {@code max_hot_production_share}, {@code min_right_family_share}, {@code max_tight_change_share});
     * a key left out keeps its default. An unknown key or a bad value names the file and the line.
     */
    public static BestPractice read(java.nio.file.Path file) {
        double[] v = {0.01, 1, 14, 0.2, 0.6, 0.1};
        java.util.List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] kv = line.split("=", 2);
            String where = file + ":" + (i + 1) + ": ";
            int k = kv.length == 2 ? KEYS.indexOf(kv[0].strip()) : -1;
            if (k < 0) {
                throw new IllegalArgumentException(where + "expected 'key = value' with a key among " + KEYS + ", got '" + line + "'");
            }
            try {
                v[k] = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                v[k] = Double.NaN;
            }
            if (!(v[k] >= 0) || (KEYS.get(k).endsWith("share") && v[k] > 1) || (k == 2 && v[k] != Math.rint(v[k]))) {
                throw new IllegalArgumentException(where + "field '" + KEYS.get(k) + "': expected " + (KEYS.get(k).endsWith("share")
                        ? "a share from 0 to 1" : k == 2 ? "a whole number of days" : "a number >= 0") + ", got '" + kv[1].strip() + "'");
            }
        }
        return new BestPractice(v[0], v[1], (int) v[2], v[3], v[4], v[5]);
    }

    /** The fleet directory's {@code best-practices.txt} if it has one, else the defaults. */
    public static BestPractice of(java.nio.file.Path fleet) {
        java.nio.file.Path file = fleet.resolve("best-practices.txt");
        return java.nio.file.Files.exists(file) ? read(file) : defaults();
    }

    /** Points earned (0 to 6). */
    public int points(double saturatedShare, double changesPerWeek, int misSizedDays, double hotProductionShare,
                      double rightFamilyShare, double tightChangeShare) {
        return (saturatedShare <= maxSaturatedShare ? 1 : 0) + (changesPerWeek <= maxChangesPerWeek ? 1 : 0)
                + (misSizedDays <= maxMisSizedDays ? 1 : 0) + (hotProductionShare <= maxHotProductionShare ? 1 : 0)
                + (rightFamilyShare >= minRightFamilyShare ? 1 : 0) + (tightChangeShare <= maxTightChangeShare ? 1 : 0);
    }
}
