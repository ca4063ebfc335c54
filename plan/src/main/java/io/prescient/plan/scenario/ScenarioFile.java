package io.prescient.plan.scenario;

import io.prescient.plan.config.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario set from YAML. Every error names the file, the line and the field, and says what
 * was expected. The format:
 * <pre>
 * name: campaign-friday
 * scenarios:
 *   - name: flash sales
 *     type: spike            # spike | release | event
 *     probability: 0.5       # that it happens at all (default 1)
 *     per_day: 2             # spike: expected spikes a day
 *     magnitude: {normal: {mean: 0.5, sd: 0.1}}   # spike: relative uplift, a number or a distribution
 *     duration: 30m          # spike: a duration or {uniform: {min: 10m, max: 1h}}
 *     shape: decay           # spike: step | ramp | decay
 *   - name: v2 launch
 *     type: release
 *     at: 2013-08-20T12:00:00Z
 *     at_uncertainty: 6h     # release: standard deviation of the release time (default 0)
 *     uplift: {uniform: {min: 0.1, max: 0.3}}
 *     ramp_up: 2h
 *   - name: campaign
 *     type: event
 *     target: active_users   # demand (default) or a covariate's name
 *     from: 2013-08-23T00:00:00Z
 *     to: 2013-08-24T00:00:00Z
 *     multiplier: {lognormal: {median: 1.4, sigma: 0.1}}
 * </pre>
 * Distributions: a number, or one of {@code uniform: {min, max}}, {@code normal: {mean, sd}},
 * {@code lognormal: {median, sigma}}; for durations the numbers may be written 30m, 2h, 1d.
 */
public final class ScenarioFile {

    private final String source;
    private final YamlNodes yaml;

    private ScenarioFile(String source) {
        this.source = source;
        this.yaml = new YamlNodes(source);
    }

    /** @throws IllegalArgumentException naming file, line and field for any invalid content */
    public static ScenarioSet read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new ScenarioFile(file.toString()).parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
    }

    public static ScenarioSet parse(String name, String yaml) {
        return new ScenarioFile(name).parse(new StringReader(yaml));
    }

    private ScenarioSet parse(Reader reader) {
        Node root = yaml.root(reader, "'name' and 'scenarios'");
        Map<String, Node> top = mapping(root, "top level", Set.of("name", "scenarios"));
        String name = top.containsKey("name") ? text(top.get("name"), "name") : "scenarios";
        List<Scenario> scenarios = new ArrayList<>();
        Node list = top.get("scenarios");
        if (list != null) {
            List<Node> items = yaml.sequence(list, "scenarios");
            for (int i = 0; i < items.size(); i++) {
                scenarios.add(scenario(items.get(i), "scenarios[" + i + "]"));
            }
        }
        return new ScenarioSet(name, scenarios);
    }

    private Scenario scenario(Node node, String field) {
        Map<String, Node> m = mapping(node, field, Set.of("name", "type", "target", "probability", "per_day", "magnitude",
                "duration", "shape", "at", "at_uncertainty", "uplift", "ramp_up", "from", "to", "multiplier"));
        String name = text(required(m, node, field, "name"), field + ".name");
        String type = text(required(m, node, field, "type"), field + ".type");
        String target = m.containsKey("target") ? text(m.get("target"), field + ".target") : Scenario.DEMAND;
        double probability = m.containsKey("probability") ? number(m.get("probability"), field + ".probability") : 1;
        if (!(probability >= 0 && probability <= 1)) {
            throw error(m.get("probability"), field + ".probability", "a probability between 0 and 1");
        }
        return switch (type) {
            case "spike" -> new LoadSpike(name, target, probability,
                    nonNegative(required(m, node, field, "per_day"), field + ".per_day"),
                    distribution(required(m, node, field, "magnitude"), field + ".magnitude", false),
                    distribution(required(m, node, field, "duration"), field + ".duration", true),
                    shape(m.get("shape"), field + ".shape"));
            case "release" -> {
                Node at = required(m, node, field, "at");
                double time = instant(at, field + ".at");
                double sd = m.containsKey("at_uncertainty") ? seconds(m.get("at_uncertainty"), field + ".at_uncertainty") : 0;
                yield new FeatureRelease(name, target, probability, sd > 0 ? new Distribution.Normal(time, sd)
                        : new Distribution.Fixed(time), distribution(required(m, node, field, "uplift"), field + ".uplift", false),
                        m.containsKey("ramp_up") ? (long) seconds(m.get("ramp_up"), field + ".ramp_up") : 0);
            }
            case "event" -> {
                long from = (long) instant(required(m, node, field, "from"), field + ".from");
                long to = (long) instant(required(m, node, field, "to"), field + ".to");
                if (to <= from) {
                    throw error(m.get("to"), field + ".to", "a time after 'from'");
                }
                yield new ExternalEvent(name, target, probability, from, to,
                        distribution(required(m, node, field, "multiplier"), field + ".multiplier", false));
            }
            default -> throw error(m.get("type"), field + ".type", "one of spike, release, event");
        };
    }

    private Distribution distribution(Node node, String field, boolean duration) {
        if (node instanceof ScalarNode) {
            return new Distribution.Fixed(duration ? seconds(node, field) : number(node, field));
        }
        Map<String, Node> m = mapping(node, field, Set.of("uniform", "normal", "lognormal"));
        if (m.size() != 1) {
            throw error(node, field, "a number or exactly one of uniform, normal, lognormal");
        }
        Map.Entry<String, Node> e = m.entrySet().iterator().next();
        String f = field + "." + e.getKey();
        try {
            return switch (e.getKey()) {
                case "uniform" -> {
                    Map<String, Node> p = mapping(e.getValue(), f, Set.of("min", "max"));
                    yield new Distribution.Uniform(value(required(p, e.getValue(), f, "min"), f + ".min", duration),
                            value(required(p, e.getValue(), f, "max"), f + ".max", duration));
                }
                case "normal" -> {
                    Map<String, Node> p = mapping(e.getValue(), f, Set.of("mean", "sd"));
                    yield new Distribution.Normal(value(required(p, e.getValue(), f, "mean"), f + ".mean", duration),
                            value(required(p, e.getValue(), f, "sd"), f + ".sd", duration));
                }
                default -> {
                    Map<String, Node> p = mapping(e.getValue(), f, Set.of("median", "sigma"));
                    yield new Distribution.LogNormal(value(required(p, e.getValue(), f, "median"), f + ".median", duration),
                            number(required(p, e.getValue(), f, "sigma"), f + ".sigma"));
                }
            };
        } catch (IllegalArgumentException bad) {
            if (bad.getMessage().startsWith(source)) {
                throw bad;
            }
            throw error(e.getValue(), f, "valid parameters (" + bad.getMessage() + ")");
        }
    }

    private double value(Node node, String field, boolean duration) {
        return duration ? seconds(node, field) : number(node, field);
    }

    private Shape shape(Node node, String field) {
        if (node == null) {
            return Shape.STEP;
        }
        try {
            return Shape.valueOf(text(node, field).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(node, field, "one of step, ramp, decay");
        }
    }

    private Map<String, Node> mapping(Node node, String field, Set<String> allowed) {
        return yaml.mapping(node, field, allowed);
    }

    private Node required(Map<String, Node> m, Node parent, String field, String key) {
        return yaml.required(m, parent, field, key);
    }

    private String text(Node node, String field) {
        return yaml.text(node, field);
    }

    private double number(Node node, String field) {
        return yaml.number(node, field);
    }

    private double nonNegative(Node node, String field) {
        double v = number(node, field);
        if (v < 0) {
            throw error(node, field, "a number >= 0, got " + v);
        }
        return v;
    }

    private double seconds(Node node, String field) {
        return yaml.seconds(node, field);
    }

    private double instant(Node node, String field) {
        return yaml.instant(node, field);
    }

    private IllegalArgumentException error(Node node, String field, String expected) {
        return yaml.error(node, field, expected);
    }
}
