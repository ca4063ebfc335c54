package io.prescient.plan.loop;

import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.StoreException;

import java.util.Optional;

/**
 * Where decisions go besides the actuator: the journal under a run id, naming the actuator. A
 * decision is recorded before it is actuated ({@link #record}); a write the store refuses is retried
 * with backoff, and one that still fails throws, so that nothing unrecorded reaches the actuator.
 */
public record Recording(String runId, String actuatorName, Optional<PlanningJournal> journal) {

    /** Pauses before the second and third attempts of a write (milliseconds). */
    static final long[] BACKOFF_MILLIS = {100, 400};

    public static Recording none() {
        return new Recording("unrecorded", "none", Optional.empty());
    }

    /**
     * Writes {@code step} to the journal, if there is one, trying again after each pause of
     * {@link #BACKOFF_MILLIS}.
     *
     * @throws StoreException when every attempt failed (its message says how many and the last cause)
     */
    public void record(PlanningJournal.Step step) {
        if (journal.isEmpty()) {
            return;
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt <= BACKOFF_MILLIS.length; attempt++) {
            if (attempt > 0 && !pause(BACKOFF_MILLIS[attempt - 1])) {
                break;
            }
            try {
                journal.get().record(step);
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new StoreException("the journal refused the decision for " + step.workload() + " after "
                + (BACKOFF_MILLIS.length + 1) + " attempts: " + last.getMessage(), last);
    }

    /**
     * Records what the actuator did with {@code step}'s decision, once. A store that refuses it does not
     * undo what was actuated: the refusal is returned as a store fault for the round.
     */
    public java.util.Optional<LoopRound.Fault> actuated(PlanningJournal.Step step, java.util.Optional<LoopRound.Fault> failure,
                                                        boolean dryRun) {
        if (journal.isEmpty()) {
            return java.util.Optional.empty();
        }
        PlanningJournal.Actuation outcome = failure.isPresent() ? PlanningJournal.Actuation.FAILED
                : dryRun ? PlanningJournal.Actuation.DRY_RUN : PlanningJournal.Actuation.APPLIED;
        try {
            journal.get().actuated(step, outcome, failure.map(LoopRound.Fault::message).orElse(""));
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.of(LoopRound.Fault.store("the actuation of " + step.workload() + " (" + outcome
                    + ") could not be recorded: " + e.getMessage()));
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
