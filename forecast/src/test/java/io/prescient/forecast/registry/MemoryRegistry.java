package io.prescient.forecast.registry;

import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;
import io.prescient.core.store.StoreException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A registry in memory, for tests of the lifecycle rules without a database. */
final class MemoryRegistry implements ModelRegistry {

    private final Map<String, ModelVersion> versions = new LinkedHashMap<>();
    private final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    private final List<ModelDecision> decisions = new ArrayList<>();

    @Override
    public void register(ModelVersion version, byte[] artifact) {
        versions.put(version.id(), version);
        artifacts.put(version.id(), artifact.clone());
    }

    @Override
    public List<ModelVersion> versions(String scope) {
        return versions.values().stream().filter(v -> scope == null || v.scope().equals(scope))
                .sorted(Comparator.comparing(ModelVersion::createdAt).reversed()).toList();
    }

    @Override
    public Optional<ModelVersion> version(String id) {
        return Optional.ofNullable(versions.get(id));
    }

    @Override
    public byte[] artifact(String id) {
        byte[] a = artifacts.get(id);
        if (a == null) {
            throw new StoreException("no model version " + id);
        }
        return a.clone();
    }

    @Override
    public Optional<ModelVersion> champion(String scope) {
        return versions.values().stream().filter(v -> v.scope().equals(scope) && v.status() == ModelStatus.CHAMPION).findFirst();
    }

    @Override
    public void decide(ModelDecision decision, List<String> rejected) {
        if (!versions.containsKey(decision.champion())) {
            throw new StoreException("no model version " + decision.champion());
        }
        champion(decision.scope()).ifPresent(c -> versions.put(c.id(), c.withStatus(ModelStatus.RETIRED)));
        versions.computeIfPresent(decision.champion(), (k, v) -> v.withStatus(ModelStatus.CHAMPION));
        rejected.forEach(id -> versions.computeIfPresent(id, (k, v) -> v.withStatus(ModelStatus.REJECTED)));
        decisions.add(0, decision);
    }

    @Override
    public List<ModelDecision> decisions(String scope) {
        return decisions.stream().filter(d -> scope == null || d.scope().equals(scope)).toList();
    }
}
