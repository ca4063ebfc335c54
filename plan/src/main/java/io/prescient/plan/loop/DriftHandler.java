package io.prescient.plan.loop;

import io.prescient.forecast.History;
import io.prescient.forecast.registry.ServedModel;

/**
 * Called on drift with the workload's history up to now; returns the model to go on with (the
 * retrain-validate-promote cycle's champion) and a description of what it did.
 */
public interface DriftHandler {

    Response onDrift(String workload, History historyNow, ServedModel current);

    /**
     * Steps of data a cycle needs after a change's onset before it can tell the candidates apart (its
     * validation windows times their horizon); the loop waits for them. None for a handler that only reports.
     */
    default int stepsNeeded() {
        return 0;
    }

    record Response(ServedModel model, String action) {
    }

    /** Reports the drift and goes on with the same model. */
    DriftHandler REPORT_ONLY = (workload, history, current) -> new Response(current, "reported");
}
