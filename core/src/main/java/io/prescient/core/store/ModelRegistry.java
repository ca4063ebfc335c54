package io.prescient.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Versioned model artifacts and the decisions about which one serves each scope. Registering a
 * version and recording a decision (with the status changes it implies) are each atomic.
 */
public interface ModelRegistry {

    /** Stores a new version and its artifact. */
    void register(ModelVersion version, byte[] artifact);

    /** Versions of a scope (all scopes when null), newest first. */
    List<ModelVersion> versions(String scope);

    Optional<ModelVersion> version(String id);

    /** @throws StoreException if there is no such version */
    byte[] artifact(String id);

    /** The version serving a scope, if any. */
    Optional<ModelVersion> champion(String scope);

    /**
     * Records a decision and applies it in one transaction: {@code decision.champion()} becomes the
     * scope's champion, the previous champion is retired, and the {@code rejected} versions are marked
     * rejected.
     */
    void decide(ModelDecision decision, List<String> rejected);

    /** Decisions about a scope (all scopes when null), newest first. */
    List<ModelDecision> decisions(String scope);
}
