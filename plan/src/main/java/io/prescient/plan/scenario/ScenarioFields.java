package io.prescient.plan.scenario;

import io.prescient.plan.config.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's fields in a scenario file, read for its {@link ScenarioType}: the common ones
 * (name, target, probability) and typed accessors whose errors name the file, the line and the field
 * ({@code scenarios[2].magnitude.normal.sd}) and say what was expected.
 */
public final class ScenarioFields {

    private final YamlNodes yaml;
    private final String source;
    private final Node node;
    private final String field;
    private final Map<String, Node> m;

    ScenarioFields(YamlNodes yaml, String source, Node node, String field, Map<String, Node> m) {
        this.yaml = yaml;
        this.source = source;
        this.node = node;
        this.field = field;
        this.m = m;
    }

    /** The common keys every type shares. */
    static final Set<String> COMMON = Set.of("name", "type", "target", "probability");

    public String name() {
        return yaml.text(required("name"), field + ".name");
    }

    public String target() {
        return m.containsKey("target") ? yaml.text(m.get("target"), field + ".target") : Scenario.DEMAND;
    }

    public double probability() {
        double p = m.containsKey("probability") ? yaml.number(m.get("probability"), field + ".probability") : 1;
        if (!(p >= 0 && p <= 1)) {
            throw error("probability", "a probability between 0 and 1");
        }
        return p;
    }

    public boolean has(String key) {
        return m.containsKey(key);
    }

    public double number(String key) {
        return yaml.number(required(key), field + "." + key);
    }

    public double nonNegative(String key) {
        double v = number(key);
        if (v < 0) {
            throw error(key, "a number >= 0, got " + v);
        }
        return v;
    }

    /** A duration (30m, 2h, 1d or seconds), in seconds. */
    public double seconds(String key) {
        return yaml.seconds(required(key), field + "." + key);
    }

    /** An ISO instant, in epoch seconds. */
    public double instant(String key) {
        return yaml.instant(required(key), field + "." + key);
    }

    /** A number (or, with {@code duration}, a duration) or one of {@code uniform}, {@code normal}, {@code lognormal}. */
    public Distribution distribution(String key, boolean duration) {
        Node value = required(key);
        String f = field + "." + key;
        if (value instanceof ScalarNode) {
            return new Distribution.Fixed(duration ? yaml.seconds(value, f) : yaml.number(value, f));
        }
        Map<String, Node> d = yaml.mapping(value, f, Set.of("uniform", "normal", "lognormal"));
        if (d.size() != 1) {
            throw yaml.error(value, f, "a number or exactly one of uniform, normal, lognormal");
        }
        Map.Entry<String, Node> e = d.entrySet().iterator().next();
        String g = f + "." + e.getKey();
        try {
            return switch (e.getKey()) {
                case "uniform" -> {
                    Map<String, Node> p = yaml.mapping(e.getValue(), g, Set.of("min", "max"));
                    yield new Distribution.Uniform(value(yaml.required(p, e.getValue(), g, "min"), g + ".min", duration),
                            value(yaml.required(p, e.getValue(), g, "max"), g + ".max", duration));
                }
                case "normal" -> {
                    Map<String, Node> p = yaml.mapping(e.getValue(), g, Set.of("mean", "sd"));
                    yield new Distribution.Normal(value(yaml.required(p, e.getValue(), g, "mean"), g + ".mean", duration),
                            value(yaml.required(p, e.getValue(), g, "sd"), g + ".sd", duration));
                }
                default -> {
                    Map<String, Node> p = yaml.mapping(e.getValue(), g, Set.of("median", "sigma"));
                    yield new Distribution.LogNormal(value(yaml.required(p, e.getValue(), g, "median"), g + ".median", duration),
                            yaml.number(yaml.required(p, e.getValue(), g, "sigma"), g + ".sigma"));
                }
            };
        } catch (IllegalArgumentException bad) {
            if (bad.getMessage().startsWith(source)) {
                throw bad;
            }
            throw yaml.error(e.getValue(), g, "valid parameters (" + bad.getMessage() + ")");
        }
    }

    /** Text, or {@code otherwise} when the key is absent. */
    public String text(String key, String otherwise) {
        return m.containsKey(key) ? yaml.text(m.get(key), field + "." + key) : otherwise;
    }

    /**
     * A file the scenario reads, relative to the scenario file's directory. A scenario that does not
     * come from a file (one sent in a request) may not name files: the server would read them for anyone.
     */
    public java.nio.file.Path path(String key) {
        java.nio.file.Path file = java.nio.file.Path.of(source);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw error(key, "no file: a scenario from " + source + " cannot name files (put it in a scenario file the config names)");
        }
        java.nio.file.Path resolved = file.toAbsolutePath().getParent().resolve(yaml.text(required(key), field + "." + key));
        if (!java.nio.file.Files.exists(resolved)) {
            throw error(key, "an existing file or directory (" + resolved + " is not there)");
        }
        return resolved;
    }

    /** A spike's shape: step (the default), ramp or decay. */
    public Shape shape(String key) {
        if (!m.containsKey(key)) {
            return Shape.STEP;
        }
        try {
            return Shape.valueOf(yaml.text(m.get(key), field + "." + key).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(key, "one of step, ramp, decay");
        }
    }

    /** An error at {@code key} (or at the scenario itself when it is absent). */
    public IllegalArgumentException error(String key, String expected) {
        return yaml.error(m.getOrDefault(key, node), field + "." + key, expected);
    }

    private double value(Node n, String f, boolean duration) {
        return duration ? yaml.seconds(n, f) : yaml.number(n, f);
    }

    private Node required(String key) {
        return yaml.required(m, node, field, key);
    }
}
