package io.prescient.forecast.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Models;
import io.prescient.forecast.eval.Backtest;
import io.prescient.forecast.eval.ForecastTask;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Trains one model on every series of a scope: validates it on the most recent held-back windows
 * (refitting at each window's origin), then fits it on the whole history, and returns the version
 * record and artifact, ready to register.
 */
public final class ModelTrainer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * How to train.
     *
     * @param stepSeconds grid step
     * @param season      steps per season (for MASE and seasonal models)
     * @param horizon     steps per validation window
     * @param windows     held-back validation windows at the end of the data
     * @param threads     threads for validation and fitting
     */
    public record Settings(long stepSeconds, int season, int horizon, int windows, int threads) {

        public Settings {
            if (horizon < 1 || windows < 1 || threads < 1) {
                throw new IllegalArgumentException("horizon, windows and threads must be positive");
            }
        }

        ForecastTask task() {
            return new ForecastTask("validation", stepSeconds, horizon, season, windows).withWindows(windows);
        }
    }

    /** A trained model: its version record (status candidate), artifact and validation. */
    public record Trained(ModelVersion version, FleetModel artifact, Validation validation) {
    }

    private final Settings settings;
    private final Clock clock;

    public ModelTrainer(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * @param panels     the scope's series, one panel per metric, on the settings' step
     * @param provenance where the data came from, kept with the version beside the artifact's typed provenance
     */
    public Trained train(String model, String scope, List<Panel> panels, Map<String, Object> provenance) {
        return train(model, scope, panels, Backtest.Covariates.NONE, provenance);
    }

    /**
     * Trains, validates and fits with each series' covariates: validation forecasts each window from
     * the covariates' past and their seasonal-naive future, as the planning loop serves the model.
     */
    public Trained train(String model, String scope, List<Panel> panels, Backtest.Covariates covariates, Map<String, Object> provenance) {
        Forecaster forecaster = Models.create(model, settings.stepSeconds(), settings.season(), settings.horizon());
        Backtest validation = new Backtest(settings.task(), settings.threads(), covariates);
        Forecaster validated = validation.prepare(forecaster, panels);
        List<Backtest.Result> parts = new ArrayList<>();
        for (Panel panel : panels) {
            parts.add(validation.run(panel, validated, s -> s.key().metric(), n -> {
            }));
        }
        Validation scores = Validation.of(Backtest.Result.pooled(parts));
        Instant now = clock.instant();
        long from = panels.stream().mapToLong(p -> p.grid().start()).min().orElse(0);
        long to = panels.stream().mapToLong(p -> p.grid().end()).max().orElse(0);
        int series = panels.stream().mapToInt(p -> p.series().size()).sum();
        Object command = provenance.getOrDefault("command", provenance.getOrDefault("trigger", "unknown"));
        FleetModel artifact = fitAll(model, trainedOnAll(forecaster, panels, covariates), panels, covariates, new FleetModel.Provenance(model,
                settings.season(), settings.horizon(), from, to, series, scores, String.valueOf(command), FleetModel.release()));
        String id = model + "-" + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> recorded = new java.util.LinkedHashMap<>(artifact.provenance().asMap());
        provenance.forEach(recorded::putIfAbsent);
        ModelVersion version = new ModelVersion(id, model, scope, now, from, to, json(parameters(model, artifact, panels, covariates)),
                json(scores.asMap()), json(recorded), ModelStatus.CANDIDATE);
        return new Trained(version, artifact, scores);
    }

    /** A global model learns from every series' whole history; others need no training. */
    private static Forecaster trainedOnAll(Forecaster forecaster, List<Panel> panels, Backtest.Covariates covariates) {
        if (!forecaster.needsTraining()) {
            return forecaster;
        }
        return forecaster.train(panels.stream().flatMap(p -> p.series().stream()).map(s -> history(s, covariates)).toList());
    }

    private static History history(RegularSeries s, Backtest.Covariates covariates) {
        return new History(s.grid(), s.values(), covariates.of(s), s.info().unit().nonNegative());
    }

    private FleetModel fitAll(String model, Forecaster forecaster, List<Panel> panels, Backtest.Covariates covariates,
                              FleetModel.Provenance provenance) {
        List<RegularSeries> all = panels.stream().flatMap(p -> p.series().stream()).toList();
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            Map<String, FittedModel> fitted = pool.submit(() -> all.parallelStream().collect(
                    java.util.stream.Collectors.toMap(s -> s.key().toString(), s -> forecaster.fit(history(s, covariates))))).get();
            return new FleetModel(model, settings.stepSeconds(), forecaster, fitted, provenance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> parameters(String model, FleetModel artifact, List<Panel> panels, Backtest.Covariates covariates) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", model);
        p.put("covariates", new java.util.TreeSet<>(panels.stream().flatMap(x -> x.series().stream())
                .flatMap(s -> covariates.of(s).keySet().stream()).toList()));
        p.put("step_seconds", settings.stepSeconds());
        p.put("season", settings.season());
        p.put("horizon", settings.horizon());
        p.put("validation_windows", settings.windows());
        p.put("series", artifact.bySeries().size());
        Map<String, Integer> forms = new TreeMap<>();
        artifact.bySeries().values().forEach(f -> {
            Object form = f.parameters().getOrDefault("form", f.parameters().get("rules"));
            if (form != null) {
                forms.merge(form.toString(), 1, Integer::sum);
            }
        });
        if (!forms.isEmpty()) {
            p.put("forms", forms);
        }
        return p;
    }

    /** A stored JSON object back as a tree (null stays null). */
    static Object parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid: " + e.getMessage(), e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
