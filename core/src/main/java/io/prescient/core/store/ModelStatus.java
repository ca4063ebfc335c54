package io.prescient.core.store;

/** Where a model version stands in its scope; at most one version per scope is the champion. */
public enum ModelStatus {
    /** Registered, not serving. */
    CANDIDATE,
    /** The version that serves forecasts for its scope. */
    CHAMPION,
    /** Served before and was replaced; rollback can restore it. */
    RETIRED,
    /** Lost a validation against the champion. */
    REJECTED
}
