package io.prescient.experts.fleet;

/** How an account operates its resources. */
public enum Skill {
    /** Sizes to the recent P95 at about 65% utilisation, at most once a week. */
    EXPERT,
    /** Keeps two sizes more than it needs. */
    OVER_PROVISIONER,
    /** Sizes to the recent median at 95%: cheap, often saturated. */
    UNDER_PROVISIONER,
    /** Changes size up or down every few days, whatever the demand. */
    CHURNER,
    /** Never changes anything. */
    IDLE
}
