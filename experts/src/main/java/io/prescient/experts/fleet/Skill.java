package io.prescient.experts.fleet;

/** How a simulated account operates its resources (the policies are in {@link RulePolicies}). */
public enum Skill {
    /** Picks the cheapest type, in any family, that holds the last week's P95 at the tag's target utilisation; at most once a week. */
    EXPERT,
    /** Stays in the general-purpose family, two sizes above what it needs; every two weeks. */
    OVER_PROVISIONER,
    /** Sizes to the last week's median at 95%: cheap, often saturated. */
    UNDER_PROVISIONER,
    /** Changes size up or down every few days, whatever the demand. */
    CHURNER,
    /** Never changes anything. */
    IDLE,
    /** Not known: an account read from an organisation's own files. */
    UNKNOWN
}
