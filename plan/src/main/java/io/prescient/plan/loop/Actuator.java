package io.prescient.plan.loop;

/** Carries out decisions: a dry-run log, a file, later Kubernetes. Held decisions are passed on too, so they are recorded. */
public interface Actuator {

    void apply(Decision decision);
}
