package io.prescient.plan.loop;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.store.ModelRegistry;
import io.prescient.forecast.History;
import io.prescient.forecast.registry.ModelLifecycle;
import io.prescient.forecast.registry.ModelTrainer;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.forecast.registry.Validation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The loop's drift handler: runs the registry's retrain-validate-promote cycle for the drifting
 * workload (scope {@code loop/<workload>}) on its history up to now (as either clock saw it), with the current model and the
 * challengers (each trained and validated with the workload's covariates, as it will be served), and goes on with the artifact of the champion the cycle leaves, whatever its model
 * (a refitted or retrained champion of the same name serves too: its artifact is new). The decision
 * and its evidence are stored in the registry like any other cycle's.
 */
public final class RetrainOnDrift implements DriftHandler {

    private final ModelRegistry registry;
    private final Function<String, SeriesInfo> series;
    private final ModelTrainer trainer;
    private final List<String> challengers;
    private final String runId;

    /** @param series what each workload's series is (its key and unit), by workload name */
    public RetrainOnDrift(ModelRegistry registry, Function<String, SeriesInfo> series, ModelTrainer trainer, List<String> challengers,
                   String runId) {
        this.registry = registry;
        this.series = series;
        this.trainer = trainer;
        this.challengers = List.copyOf(challengers);
        this.runId = runId;
    }

    @Override
    public int stepsNeeded() {
        return trainer.settings().windows() * trainer.settings().horizon();
    }

    @Override
    public Response onDrift(String workload, History historyNow, ServedModel current) {
        Panel upToNow = Panel.aligned(List.of(new RegularSeries(series.apply(workload), historyNow.grid(), historyNow.target())));
        List<String> candidates = new ArrayList<>();
        candidates.add(current.forecaster().name());
        challengers.stream().filter(c -> !candidates.contains(c)).forEach(candidates::add);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "drift in planning loop run " + runId);
        provenance.put("workload", workload);
        try {
            Map<String, double[]> covariates = historyNow.covariates();
            ModelLifecycle.CycleOutcome outcome = new ModelLifecycle(registry, Clock.systemUTC()).cycle(ModelWatch.scope(workload),
                    List.of(upToNow), s -> covariates, trainer, candidates, 0.02, Validation.Metric.CRPS, provenance);
            ServedModel next = ServedModel.of(registry, registry.version(outcome.decision().champion()).orElseThrow());
            return new Response(next, "cycle " + outcome.decision().kind() + ": " + outcome.decision().reason() + "; serving "
                    + next.id());
        } catch (RuntimeException e) {
            return new Response(current, "cycle failed, the current model goes on: " + e.getMessage());
        }
    }
}
