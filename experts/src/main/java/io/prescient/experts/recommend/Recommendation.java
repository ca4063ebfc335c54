package io.prescient.experts.recommend;

/**
 * A proposed change and why.
 *
 * @param id                 stable id (account, resource and the target type)
 * @param monthlySavingsUsd  price difference over 730 hours (negative: the change costs more)
 * @param cpuP95After        forecast P95 CPU utilisation on the new type over the next week
 * @param memoryP95After     last week's P95 memory against the new type's memory
 * @param saturatedHoursWeek expected hours next week with CPU demand above the new type's vCPUs
 * @param saturationRisk     probability of at least one such hour next week
 * @param similarExperts     expert decisions in the most similar situations
 * @param similarAgreeing    how many of them made the same kind of change
 * @param confidence         the policy's probability of this move
 * @param explanation        the above in one paragraph
 * @param expectedNetUsd     the saving less the expected cost of the saturated hours it risks, a month: what it is ranked by
 * @param risk               {@code low}, {@code material} (flagged: at least {@value #MATERIAL} chance of a saturated hour) or
 *                           {@code high} (withheld: at least {@value #HIGH})
 */
public record Recommendation(String id, String account, String resource, String tag, String from, String to,
                             double monthlySavingsUsd, double cpuP95Before, double cpuP95After, double memoryP95After,
                             double saturatedHoursWeek, double saturationRisk, int similarExperts, int similarAgreeing,
                             double confidence, String explanation, double expectedNetUsd, String risk) {

    public static final double MATERIAL = 0.2;
    public static final double HIGH = 0.5;

    /** A recommendation whose net benefit is its saving and whose risk is read from its saturation risk. */
    public Recommendation(String id, String account, String resource, String tag, String from, String to, double monthlySavingsUsd,
                          double cpuP95Before, double cpuP95After, double memoryP95After, double saturatedHoursWeek,
                          double saturationRisk, int similarExperts, int similarAgreeing, double confidence, String explanation) {
        this(id, account, resource, tag, from, to, monthlySavingsUsd, cpuP95Before, cpuP95After, memoryP95After, saturatedHoursWeek,
                saturationRisk, similarExperts, similarAgreeing, confidence, explanation, monthlySavingsUsd, riskOf(saturationRisk));
    }

    public static String riskOf(double saturationRisk) {
        return saturationRisk >= HIGH ? "high" : saturationRisk >= MATERIAL ? "material" : "low";
    }

    /** Withheld: too likely to saturate to recommend. */
    public boolean withheld() {
        return "high".equals(risk);
    }
}
