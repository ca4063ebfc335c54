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

    /** Points earned (0 to 6). */
    public int points(double saturatedShare, double changesPerWeek, int misSizedDays, double hotProductionShare,
                      double rightFamilyShare, double tightChangeShare) {
        return (saturatedShare <= maxSaturatedShare ? 1 : 0) + (changesPerWeek <= maxChangesPerWeek ? 1 : 0)
                + (misSizedDays <= maxMisSizedDays ? 1 : 0) + (hotProductionShare <= maxHotProductionShare ? 1 : 0)
                + (rightFamilyShare >= minRightFamilyShare ? 1 : 0) + (tightChangeShare <= maxTightChangeShare ? 1 : 0);
    }
}
