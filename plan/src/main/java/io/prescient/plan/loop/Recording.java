package io.prescient.plan.loop;

import io.prescient.core.store.PlanningJournal;

import java.util.Optional;

/** Where decisions go besides the actuator: the journal under a run id, naming the actuator. */
public record Recording(String runId, String actuatorName, Optional<PlanningJournal> journal) {

    public static Recording none() {
        return new Recording("unrecorded", "none", Optional.empty());
    }
}
