package io.prescient.experts.learn;

import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.Step;
import io.prescient.forecast.registry.ModelLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Registers a learnt expert policy as the champion of {@link #SCOPE}, with the expert decisions it
 * cites as evidence in recommendations, its parameters, validation and provenance: the one way
 * both training paths (simulated accounts, a fleet's own files) store what they learnt.
 */
public final class PolicyRegistration {

    public static final String SCOPE = "experts@instance-types";

    private PolicyRegistration() {
    }

    /** @return the new version's id */
    public static String register(ModelRegistry registry, Clock clock, PolicyNetwork network, List<Step> evidence, ActionSpace space,
                                  long trainedFrom, long trainedTo, String parametersJson, String validationJson, String provenanceJson,
                                  String reason) {
        float[][] states = evidence.stream().map(s -> StateFeatures.of(s.observation(), space)).toArray(float[][]::new);
        int[] moves = evidence.stream().mapToInt(Step::move).toArray();
        byte[] artifact = new ExpertPolicy(network, states, moves).toBytes();
        String id = "expert-policy-" + UUID.randomUUID().toString().substring(0, 8);
        registry.register(new ModelVersion(id, "expert-policy", SCOPE, Instant.now(clock), trainedFrom, trainedTo, parametersJson,
                validationJson, provenanceJson, ModelStatus.CANDIDATE), artifact);
        new ModelLifecycle(registry, clock).promote(id, reason);
        return id;
    }
}
