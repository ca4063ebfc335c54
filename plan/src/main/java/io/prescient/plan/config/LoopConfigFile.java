package io.prescient.plan.config;

import io.prescient.plan.capacity.CapacityModel;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code prescient.yaml}:
 * <pre>
 * source: {path: samples/nab, format: nab, freq: 5m}   # or {path: &lt;dataset in the store&gt;}
 * every: 1                      # steps between planning rounds
 * horizon: 48
 * percentile: 0.95
 * model: ensemble|mixture
 * paths: 2000                   # simulated futures per step
 * scenarios: scenarios/campaign.yaml   # optional, relative to this file
 * actuator: {type: dry-run}     # or {type: file, path: actions.jsonl}
 * capacity: {unit_capacity: 1000, target_utilisation: 0.7, min_units: 1, max_units: 100,
 *            max_step: 5, cooldown: 6, lead: 2, integer: true,
 *            unit_price: 0.12}  # one unit for one hour, in `currency`; defaults for every workload
 * currency: USD                 # what unit prices are in
 * workloads:
 *   - series: elb_request_count_8c0756
 *     capacity: {unit_capacity: 50, unit_price: 0.40}            # overrides
 *     scenarios: scenarios/elb-campaign.yaml                     # its own, simulated besides the config's
 *   - series: "*"                                                # every series of the source
 *     limit: 50
 * simulate: {from: 2014-04-20T00:00:00Z, until: 2014-04-21T00:00:00Z}
 * monitor: {window: 24, min_coverage: 0.85}
 * seed: 42                      # Monte Carlo seed
 * feedback: {history: org/, columns: "demand=gpu_hours", warning: 0.8, emergency: 0.95}   # the feedback page's history
 * </pre>
 * {@code model} is a registered model name (listed by {@code prescient backtest --help}), a combination {@code a+b} (quantiles averaged) or {@code a&b} (distributions mixed), a per-series choice {@code a|b}, or
 * {@code champion:<scope>} for what a registry scope's champion serves (e.g. a network trained once by
 * {@code prescient model train}).
 */
public final class LoopConfigFile {

    private static final Set<String> TOP = Set.of("source", "every", "horizon", "percentile", "model", "paths", "scenarios",
            "actuator", "capacity", "workloads", "simulate", "monitor", "seed", "currency", "feedback");
    private static final Set<String> CAPACITY = Set.of("unit_capacity", "target_utilisation", "min_units", "max_units",
            "max_step", "cooldown", "lead", "integer", "unit_price");

    private final YamlNodes yaml;
    private final Path base;

    private LoopConfigFile(String source, Path base) {
        this.yaml = new YamlNodes(source);
        this.base = base;
    }

    public static LoopConfig read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Path dir = file.toAbsolutePath().getParent();
            return new LoopConfigFile(file.toString(), dir).parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    public static LoopConfig parse(String name, String text, Path base) {
        return new LoopConfigFile(name, base).parse(new StringReader(text));
    }

    private LoopConfig parse(Reader reader) {
        Node root = yaml.root(reader, "at least 'source' and 'workloads'");
        Map<String, Node> top = yaml.mapping(root, "top level", TOP);
        Map<String, Node> src = yaml.mapping(yaml.required(top, root, "top level", "source"), "source",
                Set.of("path", "format", "freq", "metrics", "lookback", "auth_env"));
        Node sourceNode = top.get("source");
        List<String> metrics = new ArrayList<>();
        if (src.containsKey("metrics")) {
            for (Node m : yaml.sequence(src.get("metrics"), "source.metrics")) {
                metrics.add(yaml.text(m, "source.metrics"));
            }
        }
        String path = yaml.text(yaml.required(src, sourceNode, "source", "path"), "source.path");
        Path resolved = base.resolve(path);
        long lookback = LoopConfig.Defaults.LOOKBACK_SECONDS;
        if (src.containsKey("lookback")) {
            try {
                lookback = io.prescient.core.Steps.parseSeconds(yaml.text(src.get("lookback"), "source.lookback"));
            } catch (IllegalArgumentException e) {
                throw yaml.error(src.get("lookback"), "source.lookback", "a duration such as 6h or 7d");
            }
        }
        LoopConfig.Source source = new LoopConfig.Source(Files.exists(resolved) ? resolved.toString() : path,
                src.containsKey("format") ? yaml.text(src.get("format"), "source.format") : LoopConfig.Defaults.FORMAT,
                src.containsKey("freq") ? yaml.text(src.get("freq"), "source.freq") : LoopConfig.Defaults.FREQ, metrics, lookback,
                src.containsKey("auth_env") ? Optional.of(yaml.text(src.get("auth_env"), "source.auth_env")) : Optional.empty());
        int every = yaml.whole(top, "every", "top level", LoopConfig.Defaults.EVERY, 1);
        int horizon = yaml.whole(top, "horizon", "top level", LoopConfig.Defaults.HORIZON, 1);
        double percentile = yaml.number(top, "percentile", "top level", LoopConfig.Defaults.PERCENTILE);
        if (!(percentile > 0 && percentile < 1)) {
            throw yaml.error(top.get("percentile"), "percentile", "a number between 0 and 1 (exclusive)");
        }
        String model = top.containsKey("model") ? yaml.text(top.get("model"), "model") : LoopConfig.Defaults.MODEL;
        int paths = yaml.whole(top, "paths", "top level", LoopConfig.Defaults.PATHS, 100);
        Optional<Path> scenarios = scenarioFile(top, "scenarios");
        LoopConfig.Actuator actuator = actuator(top.get("actuator"));
        Map<String, Node> defaults = top.containsKey("capacity") ? yaml.mapping(top.get("capacity"), "capacity", CAPACITY) : Map.of();
        List<LoopConfig.Workload> workloads = new ArrayList<>();
        List<Node> items = yaml.sequence(yaml.required(top, root, "top level", "workloads"), "workloads");
        if (items.isEmpty()) {
            throw yaml.error(top.get("workloads"), "workloads", "at least one workload");
        }
        for (int i = 0; i < items.size(); i++) {
            LoopConfig.Workload w = workload(items.get(i), "workloads[" + i + "]", defaults, top.get("capacity"));
            if (source.prometheus() && (w.query().isEmpty() || w.series().equals("*"))) {
                throw yaml.error(items.get(i), "workloads[" + i + "]", "a named series with its PromQL 'query' (the source is Prometheus)");
            }
            workloads.add(w);
        }
        Optional<Long> from = Optional.empty();
        Optional<Long> until = Optional.empty();
        if (top.containsKey("simulate")) {
            Map<String, Node> sim = yaml.mapping(top.get("simulate"), "simulate", Set.of("from", "until"));
            from = sim.containsKey("from") ? Optional.of((long) yaml.instant(sim.get("from"), "simulate.from")) : Optional.empty();
            until = sim.containsKey("until") ? Optional.of((long) yaml.instant(sim.get("until"), "simulate.until")) : Optional.empty();
            if (from.isPresent() && until.isPresent() && until.get() <= from.get()) {
                throw yaml.error(sim.get("until"), "simulate.until", "a time after simulate.from");
            }
        }
        Map<String, Node> mon = top.containsKey("monitor") ? yaml.mapping(top.get("monitor"), "monitor",
                Set.of("window", "min_coverage")) : Map.of();
        LoopConfig.Monitor monitor = new LoopConfig.Monitor(yaml.whole(mon, "window", "monitor", LoopConfig.Defaults.MONITOR_WINDOW, 1),
                yaml.number(mon, "min_coverage", "monitor", LoopConfig.Defaults.minCoverage(percentile)));
        long seed = yaml.whole(top, "seed", "top level", LoopConfig.Defaults.SEED, 0);
        String currency = top.containsKey("currency") ? yaml.text(top.get("currency"), "currency") : LoopConfig.Defaults.CURRENCY;
        Optional<LoopConfig.Feedback> feedback = Optional.empty();
        if (top.containsKey("feedback")) {
            Map<String, Node> f = yaml.mapping(top.get("feedback"), "feedback", Set.of("history", "columns", "launches", "warning", "emergency"));
            Path history = base.resolve(yaml.text(yaml.required(f, top.get("feedback"), "feedback", "history"), "feedback.history"));
            if (!Files.exists(history)) {
                throw yaml.error(f.get("history"), "feedback.history", "an existing history file or directory (" + history + " is not there)");
            }
            double warning = yaml.number(f, "warning", "feedback", 0.80);
            double emergency = yaml.number(f, "emergency", "feedback", 0.95);
            if (!(warning > 0 && warning < emergency && emergency <= 1.5)) {
                throw yaml.error(top.get("feedback"), "feedback", "0 < warning < emergency (utilisation thresholds, e.g. 0.80 and 0.95)");
            }
            feedback = Optional.of(new LoopConfig.Feedback(history, f.containsKey("columns") ? yaml.text(f.get("columns"), "feedback.columns")
                    : "", f.containsKey("launches") ? Optional.of(base.resolve(yaml.text(f.get("launches"), "feedback.launches")))
                    : Optional.empty(), warning, emergency));
        }
        return new LoopConfig(source, every, horizon, percentile, model, paths, scenarios, actuator, workloads, from, until, monitor, seed,
                currency, feedback);
    }

    private LoopConfig.Actuator actuator(Node node) {
        if (node == null) {
            return new LoopConfig.Actuator("dry-run", Optional.empty());
        }
        Map<String, Node> m = yaml.mapping(node, "actuator", Set.of("type", "path"));
        String type = yaml.text(yaml.required(m, node, "actuator", "type"), "actuator.type");
        return switch (type) {
            case "dry-run" -> new LoopConfig.Actuator(type, Optional.empty());
            case "file" -> new LoopConfig.Actuator(type, Optional.of(base.resolve(yaml.text(yaml.required(m, node, "actuator", "path"),
                    "actuator.path"))));
            case "kubernetes" -> {
                Path targets = base.resolve(yaml.text(yaml.required(m, node, "actuator", "path"), "actuator.path"));
                if (!Files.isRegularFile(targets)) {
                    throw yaml.error(m.get("path"), "actuator.path", "an existing Kubernetes targets file; " + targets + " does not exist");
                }
                yield new LoopConfig.Actuator(type, Optional.of(targets));
            }
            default -> throw yaml.error(m.get("type"), "actuator.type", "dry-run, file or kubernetes");
        };
    }

    /** The scenario file {@code m} names under {@code scenarios}, resolved against the config's directory. */
    private Optional<Path> scenarioFile(Map<String, Node> m, String field) {
        if (!m.containsKey("scenarios")) {
            return Optional.empty();
        }
        Path s = base.resolve(yaml.text(m.get("scenarios"), field));
        if (!Files.isRegularFile(s)) {
            throw yaml.error(m.get("scenarios"), field, "an existing scenario file; " + s + " does not exist");
        }
        return Optional.of(s);
    }

    private LoopConfig.Workload workload(Node node, String field, Map<String, Node> defaults, Node defaultsNode) {
        Map<String, Node> m = yaml.mapping(node, field, Set.of("series", "metric", "limit", "capacity", "query", "covariates", "scenarios"));
        Optional<Path> scenarios = scenarioFile(m, field + ".scenarios");
        Map<String, String> covariates = new java.util.LinkedHashMap<>();
        if (m.containsKey("covariates")) {
            Node c = m.get("covariates");
            if (!(c instanceof org.yaml.snakeyaml.nodes.MappingNode mapping)) {
                throw yaml.error(c, field + ".covariates", "a mapping of covariate names to their metric (or PromQL)");
            }
            for (org.yaml.snakeyaml.nodes.NodeTuple t : mapping.getValue()) {
                String name = yaml.text(t.getKeyNode(), field + ".covariates");
                covariates.put(name, yaml.text(t.getValueNode(), field + ".covariates." + name));
            }
        }
        Optional<String> query = m.containsKey("query") ? Optional.of(yaml.text(m.get("query"), field + ".query")) : Optional.empty();
        String series = yaml.text(yaml.required(m, node, field, "series"), field + ".series");
        Optional<String> metric = m.containsKey("metric") ? Optional.of(yaml.text(m.get("metric"), field + ".metric")) : Optional.empty();
        int limit = yaml.whole(m, "limit", field, Integer.MAX_VALUE, 1);
        Map<String, Node> own = m.containsKey("capacity") ? yaml.mapping(m.get("capacity"), field + ".capacity", CAPACITY) : Map.of();
        Map<String, Node> merged = new java.util.LinkedHashMap<>(defaults);
        merged.putAll(own);
        String f = own.isEmpty() ? "capacity" : field + ".capacity";
        try {
            double price = yaml.number(merged, "unit_price", f, LoopConfig.Defaults.UNIT_PRICE);
            if (!Double.isNaN(price) && !(price >= 0 && price < 1e9)) {
                throw yaml.error(merged.get("unit_price"), f + ".unit_price", "a price of one unit for one hour, at least 0");
            }
            return new LoopConfig.Workload(series, metric, limit, new CapacityModel(
                    yaml.number(merged, "unit_capacity", f, LoopConfig.Defaults.UNIT_CAPACITY),
                    yaml.number(merged, "target_utilisation", f, LoopConfig.Defaults.TARGET_UTILISATION),
                    yaml.whole(merged, "min_units", f, LoopConfig.Defaults.MIN_UNITS, 0),
                    yaml.whole(merged, "max_units", f, LoopConfig.Defaults.MAX_UNITS, 0),
                    yaml.whole(merged, "max_step", f, LoopConfig.Defaults.MAX_STEP, 1),
                    yaml.whole(merged, "cooldown", f, LoopConfig.Defaults.COOLDOWN, 0),
                    yaml.whole(merged, "lead", f, LoopConfig.Defaults.LEAD, 0), yaml.flag(merged, "integer", f, true)), query, covariates, scenarios, price);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains(": field '")) {
                throw e;
            }
            throw yaml.error(m.containsKey("capacity") ? m.get("capacity") : defaultsNode != null ? defaultsNode : node, f,
                    "valid capacity rules (" + e.getMessage() + ")");
        }
    }
}
