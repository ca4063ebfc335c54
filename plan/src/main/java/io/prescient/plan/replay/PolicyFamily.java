package io.prescient.plan.replay;

import java.util.List;

/**
 * A family of provisioning policies (oracle, reactive, static, predictive), each member one
 * setting of it. Pure: the capacities follow from the demand and the settings alone, and a
 * member's capacity at step t may depend only on demand up to step t - lead.
 */
public interface PolicyFamily {

    /** The family's name, as frontier.csv writes it. */
    String name();

    /** The members' names, in the order of {@link #capacities}. */
    List<String> members();

    /**
     * Capacity in place at each step, per member: {@code result[m][t]}; only steps from the
     * warm-up's end on are scored.
     */
    double[][] capacities(double[] demand, ReplaySettings settings);
}
