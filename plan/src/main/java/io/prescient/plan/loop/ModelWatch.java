package io.prescient.plan.loop;

import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelVersion;
import io.prescient.forecast.registry.ServedModel;

import java.util.Optional;

/**
 * Which model a workload serves now. The loop asks before every round, so what the registry
 * promotes (by a retrain cycle, by hand, or by a rollback) is what plans from the next round on.
 */
public interface ModelWatch {

    /** The model to plan with now; {@code current} if nothing changed. */
    ServedModel serving(String workload, ServedModel current);

    /** Keeps every workload's model. */
    ModelWatch FIXED = (workload, current) -> current;

    /** The registry scope of a workload's own champion: what drift cycles, promotions and rollbacks decide on. */
    static String scope(String workload) {
        return "loop/" + workload;
    }

    /**
     * The champion of the workload's scope in {@code registry}, loaded from its artifact when it is not
     * the one serving; {@code current} while the scope has no champion.
     */
    static ModelWatch champions(ModelRegistry registry) {
        return (workload, current) -> {
            Optional<ModelVersion> champion = registry.champion(scope(workload));
            if (champion.isEmpty() || champion.get().id().equals(current.id())) {
                return current;
            }
            return ServedModel.of(registry, champion.get());
        };
    }
}
