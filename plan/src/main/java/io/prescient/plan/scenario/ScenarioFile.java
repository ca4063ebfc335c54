package io.prescient.plan.scenario;

import io.prescient.plan.config.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario set from YAML. Every error names the file, the line and the field, and says what
 * was expected. The format:
 * <pre>
 * name: campaign-friday
 * scenarios:
 *   - name: flash sales
 *     type: spike            # spike | release | event, or any registered ScenarioType
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
    private final ScenarioTypes types = ScenarioTypes.registered();

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
        Map<String, Node> top = yaml.mapping(root, "top level", Set.of("name", "scenarios"));
        String name = top.containsKey("name") ? yaml.text(top.get("name"), "name") : "scenarios";
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
        Map<String, Node> raw = yaml.mapping(node, field, null);
        Node typeNode = yaml.required(raw, node, field, "type");
        String type = yaml.text(typeNode, field + ".type");
        ScenarioType kind = types.get(type).orElseThrow(() -> error(typeNode, field + ".type", "one of " + String.join(", ", types.names())));
        Set<String> allowed = new HashSet<>(ScenarioFields.COMMON);
        allowed.addAll(kind.keys());
        Map<String, Node> m = yaml.mapping(node, field, allowed);
        try {
            return kind.read(new ScenarioFields(yaml, source, node, field, m));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            // a type's own check (a scenario's constructor) that did not say where: located here
            throw error(node, field, "a valid " + type + " scenario: " + e.getMessage());
        }
    }

    private IllegalArgumentException error(Node node, String field, String expected) {
        return yaml.error(node, field, expected);
    }
}
