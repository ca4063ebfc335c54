package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelVersion;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.registry.ModelLifecycle;
import io.prescient.forecast.registry.ModelTrainer;
import io.prescient.forecast.registry.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code prescient model ...}: the model registry and its retrain-validate-promote cycle. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Train, validate, register, promote and roll back forecasting models per scope.",
        subcommands = {ModelCommand.Train.class, ModelCommand.Cycle.class, ModelCommand.ListVersions.class,
                ModelCommand.Show.class, ModelCommand.Promote.class, ModelCommand.Rollback.class, PretrainCommand.class})
public final class ModelCommand {

    static void printOutcome(PrintWriter out, ModelDecision d) {
        out.printf("decision %s: %s; champion of %s is now %s%n", d.id(), d.kind(), d.scope(), d.champion());
        out.println("  " + d.reason());
    }

    static java.util.Map<String, Object> decisionJson(ModelDecision d) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", d.id());
        m.put("kind", String.valueOf(d.kind()));
        m.put("scope", d.scope());
        m.put("champion", d.champion());
        m.put("reason", d.reason());
        return m;
    }

    static java.util.Map<String, Object> trainedJson(ModelTrainer.Trained t) {
        Validation v = t.validation();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", t.version().id());
        m.put("model", t.version().model());
        m.put("scope", t.version().scope());
        m.put("series", t.artifact().bySeries().size());
        m.put("windows", v.windows());
        m.put("horizon", v.horizon());
        m.put("MASE", v.mase());
        m.put("CRPS", v.crps());
        m.put("MAE", v.mae());
        m.put("coverage_80", v.coverage80());
        return m;
    }

    static void printTrained(PrintWriter out, ModelTrainer.Trained t) {
        Validation v = t.validation();
        out.printf(Locale.ROOT, "registered %s  (%d series, %d windows x %d)  MASE %.4f  CRPS %.4f  MAE %.4f  coverage80 %.4f%n",
                t.version().id(), t.artifact().bySeries().size(), v.windows(), v.horizon(), v.mase(), v.crps(), v.mae(),
                v.coverage80());
    }

    /** {@code prescient model train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Validates a model on the most recent held-back windows, fits it on all the data and registers it. "
                    + "The first version of a scope becomes its champion; later ones are candidates until promoted "
                    + "(model promote) or a cycle picks them (model cycle)."})
    public static final class Train implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        TrainingOptions training;
        @Option(names = "--model", required = true, completionCandidates = Registered.ModelNames.class,
                description = "Model: one of ${COMPLETION-CANDIDATES}, a combination a+b (quantiles averaged) or a&b (distributions mixed), or a per-series choice a|b.")
        String model;
        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public Train(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter out = json ? spec.commandLine().getErr() : console;
            TrainingOptions.Data data = training.data(environment, store.file(), out);
            try (SeriesStore s = environment.openStore(store.file(), false); var models = training.pretrainedModels()) {
                ModelRegistry registry = s.models();
                ModelTrainer.Trained t = training.trainer().train(model, training.scope(), data.panels(), data.covariates(),
                        training.provenance("model train --model " + model));
                registry.register(t.version(), t.artifact().toBytes());
                ModelDecision decision = registry.champion(training.scope()).isEmpty()
                        ? new ModelLifecycle(registry, Clock.systemUTC()).promote(t.version().id(), "first version of the scope") : null;
                if (json) {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("trained", trainedJson(t));
                    m.put("decision", decision == null ? null : decisionJson(decision));
                    output.print(console, m);
                    return;
                }
                printTrained(out, t);
                if (decision != null) {
                    printOutcome(out, decision);
                }
            }
        }
    }

    /** {@code prescient model cycle}. */
    @Command(name = "cycle", mixinStandardHelpOptions = true,
            description = {"One retrain-validate-promote step: refits the champion's model and each challenger on the "
                    + "latest data, scores all on the same held-back windows, and promotes the best challenger only if "
                    + "it beats the refitted champion by the margin. The decision and its evidence are recorded."})
    public static final class Cycle implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        TrainingOptions training;
        @Option(names = "--challengers", split = ",", defaultValue = "ensemble,ets", completionCandidates = Registered.ModelNames.class,
                description = "Models to try against the champion, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        List<String> challengers;
        @Option(names = "--margin", defaultValue = "0.02",
                description = "Relative improvement a challenger needs (default: ${DEFAULT-VALUE}).")
        double margin;
        @Option(names = "--metric", defaultValue = "CRPS", description = "CRPS or MASE (default: ${DEFAULT-VALUE}).")
        Validation.Metric metric;
        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public Cycle(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter out = json ? spec.commandLine().getErr() : console;
            TrainingOptions.Data data = training.data(environment, store.file(), out);
            try (SeriesStore s = environment.openStore(store.file(), false); var models = training.pretrainedModels()) {
                ModelLifecycle.CycleOutcome outcome = new ModelLifecycle(s.models(), Clock.systemUTC()).cycle(
                        training.scope(), data.panels(), data.covariates(), training.trainer(), challengers, margin, metric,
                        training.provenance("model cycle --challengers " + String.join(",", challengers)
                                + " --margin " + margin + " --metric " + metric));
                if (json) {
                    output.print(console, java.util.Map.of("trained", outcome.trained().stream().map(ModelCommand::trainedJson).toList(),
                            "decision", decisionJson(outcome.decision())));
                    return;
                }
                outcome.trained().forEach(t -> printTrained(out, t));
                printOutcome(out, outcome.decision());
            }
        }
    }

    /** {@code prescient model list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Registered versions, newest first.")
    public static final class ListVersions implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Option(names = "--scope", description = "Only this scope.")
        String scope;

        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public ListVersions(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            try (SeriesStore s = environment.openStore(store.file(), false)) {
                if (output.json()) {
                    output.print(spec.commandLine().getOut(), java.util.Map.of("versions", s.models().versions(scope).stream()
                            .map(ModelCommand::versionJson).toList()));
                    return;
                }
                TextTable table = new TextTable(List.of("id", "scope", "model", "status", "created", "validation"),
                        false, false, false, false, false, false);
                for (ModelVersion v : s.models().versions(scope)) {
                    table.add(v.id(), v.scope(), v.model(), v.status().name().toLowerCase(Locale.ROOT),
                            v.createdAt().toString(), brief(v.validation()));
                }
                table.print(spec.commandLine().getOut());
            }
        }
    }

    /** A version as JSON: its row, with validation and provenance as the JSON they are stored as. */
    static java.util.Map<String, Object> versionJson(ModelVersion v) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", v.id());
        m.put("model", v.model());
        m.put("scope", v.scope());
        m.put("status", v.status().name().toLowerCase(Locale.ROOT));
        m.put("created_at", v.createdAt().toString());
        m.put("trained_from", v.trainedFrom());
        m.put("trained_to", v.trainedTo());
        m.put("validation", tree(v.validation()));
        m.put("provenance", tree(v.provenance()));
        return m;
    }

    private static Object tree(String json) {
        try {
            return json == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            return json;
        }
    }

    /** {@code prescient model show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "One version: data range, parameters, "
            + "validation, the provenance its artifact carries (model spec, data range, validation scores, command, release) and "
            + "the decisions that involve it.")
    public static final class Show implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "<version-id>")
        String id;

        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public Show(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (SeriesStore s = environment.openStore(store.file(), false)) {
                ModelVersion v = s.models().version(id)
                        .orElseThrow(() -> new IllegalArgumentException("no model version " + id + " in " + s.location()));
                if (output.json()) {
                    java.util.Map<String, Object> m = versionJson(v);
                    m.put("decisions", s.models().decisions(v.scope()).stream().filter(d -> id.equals(d.champion()) || id.equals(d.previous())
                            || id.equals(d.challenger()) || d.evidence() != null && d.evidence().contains(id)).map(d -> java.util.Map.of(
                            "id", d.id(), "decided_at", d.decidedAt().toString(), "kind", d.kind().name(), "reason", d.reason())).toList());
                    output.print(out, m);
                    return;
                }
                out.println("id          " + v.id());
                out.println("model       " + v.model());
                out.println("scope       " + v.scope());
                out.println("status      " + v.status().name().toLowerCase(Locale.ROOT));
                out.println("created     " + v.createdAt());
                out.println("trained on  " + Instant.ofEpochSecond(v.trainedFrom()) + " .. " + Instant.ofEpochSecond(v.trainedTo()));
                out.println("parameters  " + v.parameters());
                out.println("validation  " + v.validation());
                out.println("recorded    " + v.provenance());
                byte[] bytes = s.models().artifact(id);
                io.prescient.forecast.registry.FleetModel artifact = io.prescient.forecast.registry.FleetModel.fromBytes(bytes);
                io.prescient.forecast.registry.FleetModel.Provenance p = artifact.provenance();
                out.printf(Locale.ROOT, "artifact    %d bytes: %s serving %s on a %d s grid, %d fitted series%n", bytes.length,
                        artifact.model(), artifact.forecaster().name(), artifact.stepSeconds(), artifact.bySeries().size());
                out.printf(Locale.ROOT, "provenance  %s, season %d, horizon %d, trained on %d series %s .. %s, by '%s', release %s%n",
                        p.spec(), p.season(), p.horizon(), p.series(), Instant.ofEpochSecond(p.trainedFrom()),
                        Instant.ofEpochSecond(p.trainedTo()), p.command(), p.release());
                Validation pv = p.validation();
                out.printf(Locale.ROOT, "validated   %d windows x %d steps: MASE %.4f  CRPS %.4f  MAE %.4f  coverage80 %.4f%n",
                        pv.windows(), pv.horizon(), pv.mase(), pv.crps(), pv.mae(), pv.coverage80());
                for (ModelDecision d : s.models().decisions(v.scope())) {
                    if (id.equals(d.champion()) || id.equals(d.previous()) || id.equals(d.challenger())
                            || d.evidence() != null && d.evidence().contains(id)) {
                        out.printf("decision    %s %s %s: %s%n              evidence %s%n", d.decidedAt(), d.id(), d.kind(),
                                d.reason(), d.evidence());
                    }
                }
            }
        }
    }

    /** {@code prescient model promote}. */
    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a version its scope's champion by hand.")
    public static final class Promote implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "<version-id>")
        String id;
        @Option(names = "--reason", description = "Why, kept with the decision.")
        String reason;

        private final CliEnvironment environment;

        public Promote(CliEnvironment environment) {
            this.environment = environment;
        }

        @Mixin
        ServerDecision remote;
        @Mixin
        OutputOption output;

        @Override
        public void run() {
            if (remote.given()) {
                remote.send("promote", "version", id, reason, environment.variables(), spec.commandLine().getOut());
                return;
            }
            try (SeriesStore s = environment.openStore(store.file(), false)) {
                ModelDecision d = new ModelLifecycle(s.models(), Clock.systemUTC()).promote(id, reason);
                if (output.json()) {
                    output.print(spec.commandLine().getOut(), decisionJson(d));
                } else {
                    printOutcome(spec.commandLine().getOut(), d);
                }
            }
        }
    }

    /** {@code prescient model rollback}. */
    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Undo the scope's latest decision: the champion it replaced serves again.")
    public static final class Rollback implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "<scope>")
        String scope;
        @Option(names = "--reason", description = "Why, kept with the decision.")
        String reason;

        private final CliEnvironment environment;

        public Rollback(CliEnvironment environment) {
            this.environment = environment;
        }

        @Mixin
        ServerDecision remote;
        @Mixin
        OutputOption output;

        @Override
        public void run() {
            if (remote.given()) {
                remote.send("rollback", "scope", scope, reason, environment.variables(), spec.commandLine().getOut());
                return;
            }
            try (SeriesStore s = environment.openStore(store.file(), false)) {
                ModelDecision d = new ModelLifecycle(s.models(), Clock.systemUTC()).rollback(scope, reason);
                if (output.json()) {
                    output.print(spec.commandLine().getOut(), decisionJson(d));
                } else {
                    printOutcome(spec.commandLine().getOut(), d);
                }
            }
        }
    }

    /** "MASE 1.1829 CRPS 0.3228" from a validation JSON object. */
    static String brief(String validationJson) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(validationJson);
            return String.format(Locale.ROOT, "MASE %.4f CRPS %.4f cov80 %.3f", n.path("MASE").asDouble(Double.NaN),
                    n.path("CRPS").asDouble(Double.NaN), n.path("coverage_80").asDouble(Double.NaN));
        } catch (java.io.IOException | RuntimeException e) {
            return String.valueOf(validationJson);
        }
    }
}
