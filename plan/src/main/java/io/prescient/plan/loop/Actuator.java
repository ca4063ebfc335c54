package io.prescient.plan.loop;

/** Carries out decisions: a dry-run log, a file, later Kubernetes. Held decisions are passed on too, so they are recorded. */
public interface Actuator {

    /** @throws RuntimeException when the decision was not carried out (the loop records it as the round's actuator fault) */
    void apply(Decision decision);

    /** Whether it only says what it would do (its outcomes are recorded as dry-run, not applied). */
    default boolean dryRun() {
        return false;
    }
}
