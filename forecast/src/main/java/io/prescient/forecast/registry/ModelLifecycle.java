package io.prescient.forecast.registry;

import io.prescient.core.Panel;
import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which version serves each scope. {@link #cycle} is the automated retrain-validate-promote step:
 * it refits the champion's model and each challenger on the latest data, scores them all on the same
 * most recent held-back windows, and lets the best challenger replace the champion only if its score
 * is lower by at least the margin (relative); otherwise the refitted champion serves on. Manual
 * promotion and rollback are decisions too. Every decision is stored with its evidence.
 */
public final class ModelLifecycle {

    private final ModelRegistry registry;
    private final Clock clock;

    public ModelLifecycle(ModelRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** What a cycle did: the decision and every version it trained and registered. */
    public record CycleOutcome(ModelDecision decision, List<ModelTrainer.Trained> trained) {
    }

    /**
     * @param challengers model names to try against the champion (the champion's own model is refitted anyway)
     * @param margin      relative improvement a challenger needs, e.g. 0.02 for 2%
     */
    public CycleOutcome cycle(String scope, List<Panel> panels, ModelTrainer trainer, List<String> challengers, double margin,
                              Validation.Metric metric, Map<String, Object> provenance) {
        return cycle(scope, panels, io.prescient.forecast.eval.Backtest.Covariates.NONE, trainer, challengers, margin, metric, provenance);
    }

    /** The cycle with each series' covariates: every model is trained, validated and fitted with them. */
    public CycleOutcome cycle(String scope, List<Panel> panels, io.prescient.forecast.eval.Backtest.Covariates covariates,
                              ModelTrainer trainer, List<String> challengers, double margin, Validation.Metric metric,
                              Map<String, Object> provenance) {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        Optional<ModelVersion> champion = registry.champion(scope);
        List<String> names = new ArrayList<>();
        champion.ifPresent(c -> names.add(c.model()));
        challengers.stream().filter(n -> !names.contains(n)).forEach(names::add);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("scope " + scope + " has no champion; name at least one model to train");
        }
        List<ModelTrainer.Trained> trained = new ArrayList<>();
        for (String name : names) {
            ModelTrainer.Trained t = trainer.train(name, scope, panels, covariates, provenance);
            registry.register(t.version(), t.artifact().toBytes());
            trained.add(t);
        }
        Comparator<ModelTrainer.Trained> byScore = Comparator.comparingDouble(t -> t.validation().score(metric));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("metric", metric.name());
        evidence.put("margin", margin);
        Map<String, Object> scores = new LinkedHashMap<>();
        trained.forEach(t -> scores.put(t.version().id(), t.validation().asMap()));
        evidence.put("validation", scores);
        ModelDecision decision;
        List<String> rejected = new ArrayList<>();
        if (champion.isEmpty()) {
            ModelTrainer.Trained best = trained.stream().min(byScore).orElseThrow();
            trained.stream().filter(t -> t != best).forEach(t -> rejected.add(t.version().id()));
            decision = decision(scope, ModelDecision.Kind.FIRST, null, best.version().id(), null, evidence,
                    String.format(Locale.ROOT, "first champion of %s: %s has the lowest %s (%.4f) of %d trained",
                            scope, best.version().model(), metric, best.validation().score(metric), trained.size()));
        } else {
            ModelTrainer.Trained refreshed = trained.get(0);
            Optional<ModelTrainer.Trained> bestChallenger = trained.stream().skip(1).min(byScore);
            double incumbent = refreshed.validation().score(metric);
            double threshold = incumbent * (1 - margin);
            evidence.put("champion_before", champion.get().id());
            evidence.put("refitted_champion", refreshed.version().id());
            evidence.put("threshold", threshold);
            if (bestChallenger.isPresent() && bestChallenger.get().validation().score(metric) < threshold) {
                ModelTrainer.Trained winner = bestChallenger.get();
                trained.stream().filter(t -> t != winner).forEach(t -> rejected.add(t.version().id()));
                decision = decision(scope, ModelDecision.Kind.PROMOTE, champion.get().id(), winner.version().id(),
                        winner.version().id(), evidence, String.format(Locale.ROOT,
                                "%s %s %.4f beats the refitted champion %s %.4f by more than %.1f%% (threshold %.4f)",
                                winner.version().model(), metric, winner.validation().score(metric), refreshed.version().model(),
                                incumbent, 100 * margin, threshold));
            } else {
                trained.stream().skip(1).forEach(t -> rejected.add(t.version().id()));
                String challengerId = bestChallenger.map(t -> t.version().id()).orElse(null);
                decision = decision(scope, ModelDecision.Kind.KEEP, champion.get().id(), refreshed.version().id(),
                        challengerId, evidence, bestChallenger.map(b -> String.format(Locale.ROOT,
                                "%s %s %.4f does not beat the refitted champion %s %.4f by %.1f%% (threshold %.4f); the "
                                        + "refitted champion serves", b.version().model(), metric, b.validation().score(metric),
                                refreshed.version().model(), incumbent, 100 * margin, threshold))
                                .orElse("no challenger; the refitted champion serves"));
            }
        }
        registry.decide(decision, rejected);
        return new CycleOutcome(decision, trained);
    }

    /** Makes a registered version its scope's champion by hand (recorded as FIRST if the scope never had one). */
    public ModelDecision promote(String versionId, String reason) {
        ModelVersion v = registry.version(versionId)
                .orElseThrow(() -> new IllegalArgumentException("no model version " + versionId));
        if (v.status() == ModelStatus.CHAMPION) {
            throw new IllegalArgumentException(versionId + " is already the champion of " + v.scope());
        }
        Optional<ModelVersion> current = registry.champion(v.scope());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("validation", ModelTrainer.parse(v.validation()));
        current.ifPresent(c -> evidence.put("champion_before_validation", ModelTrainer.parse(c.validation())));
        ModelDecision.Kind kind = current.isEmpty() && registry.decisions(v.scope()).isEmpty()
                ? ModelDecision.Kind.FIRST : ModelDecision.Kind.MANUAL;
        ModelDecision d = decision(v.scope(), kind, current.map(ModelVersion::id).orElse(null), v.id(),
                null, evidence, reason == null || reason.isBlank() ? "promoted by hand" : reason);
        registry.decide(d, List.of());
        return d;
    }

    /** Restores the champion that the scope's latest decision replaced. */
    public ModelDecision rollback(String scope, String reason) {
        ModelVersion current = registry.champion(scope)
                .orElseThrow(() -> new IllegalArgumentException("scope " + scope + " has no champion to roll back"));
        ModelDecision last = registry.decisions(scope).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("scope " + scope + " has no decisions"));
        if (last.previous() == null) {
            throw new IllegalArgumentException("the champion of " + scope + " (" + current.id()
                    + ") was its first; there is no earlier champion to restore");
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("undoes", last.id());
        evidence.put("undone_kind", last.kind().name());
        ModelDecision d = decision(scope, ModelDecision.Kind.ROLLBACK, current.id(), last.previous(), null, evidence,
                reason == null || reason.isBlank() ? "rolled back decision " + last.id() : reason);
        registry.decide(d, List.of());
        return d;
    }

    private ModelDecision decision(String scope, ModelDecision.Kind kind, String previous, String champion,
                                   String challenger, Map<String, Object> evidence, String reason) {
        return new ModelDecision("decision-" + UUID.randomUUID().toString().substring(0, 8), scope, clock.instant(), kind,
                previous, champion, challenger, ModelTrainer.json(evidence), reason);
    }
}
