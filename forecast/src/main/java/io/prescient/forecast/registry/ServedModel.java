package io.prescient.forecast.registry;

import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelVersion;
import io.prescient.forecast.Forecaster;

import java.util.Optional;

/**
 * The forecaster a planning loop serves and the name it is known by in decisions: a registry
 * version's id and the forecaster from its artifact, or, for a model that was never registered, the
 * model's own name.
 *
 * @param id         the registry version id, or the model's name when unregistered
 * @param forecaster what plans: fits each new history
 */
public record ServedModel(String id, Forecaster forecaster) implements java.io.Serializable {

    public ServedModel {
        if (forecaster.needsTraining()) {
            throw new IllegalArgumentException("model " + forecaster.name() + " must be trained on a set of series before it can serve");
        }
    }

    /** A forecaster served outside the registry, known by its model name. */
    public static ServedModel unregistered(Forecaster forecaster) {
        return new ServedModel(forecaster.name(), forecaster);
    }

    /** The version's artifact, loaded. */
    public static ServedModel of(ModelRegistry registry, ModelVersion version) {
        FleetModel artifact = FleetModel.fromBytes(registry.artifact(version.id()));
        return new ServedModel(version.id(), artifact.forecaster());
    }

    /** What the scope's champion serves, if the scope has one. */
    public static Optional<ServedModel> champion(ModelRegistry registry, String scope) {
        return registry.champion(scope).map(v -> of(registry, v));
    }

    /** True when this is a registry version's (not a bare model name). */
    public boolean registered() {
        return !id.equals(forecaster.name());
    }
}
