package io.prescient.plan.config;

import io.prescient.core.Steps;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of a YAML node tree, keeping each node's line, so every error says
 * {@code file:line: field 'path': expected ...}.
 */
public final class YamlNodes {

    private final String source;

    public YamlNodes(String source) {
        this.source = source;
    }

    /** The document's root node. @throws IllegalArgumentException for invalid YAML or an empty document */
    public Node root(Reader reader, String expected) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(source + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + e.getProblem());
        }
        if (root == null) {
            throw new IllegalArgumentException(source + ": empty file; expected " + expected);
        }
        return root;
    }

    /** The mapping's keys and values; {@code allowed} null admits any key. */
    public Map<String, Node> mapping(Node node, String field, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, field, "a mapping of keys to values");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = text(t.getKeyNode(), field + " key");
            if (allowed != null && !allowed.contains(key)) {
                throw error(t.getKeyNode(), field + "." + key, "one of the keys " + new TreeSet<>(allowed));
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw error(t.getKeyNode(), field + "." + key, "each key once");
            }
        }
        return out;
    }

    public List<Node> sequence(Node node, String field) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, field, "a list");
        }
        return seq.getValue();
    }

    public Node required(Map<String, Node> m, Node parent, String field, String key) {
        Node n = m.get(key);
        if (n == null) {
            throw error(parent, field + "." + key, "a value (the key is missing)");
        }
        return n;
    }

    public String text(Node node, String field) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(node, field, "a non-empty text");
        }
        return s.getValue().strip();
    }

    public double number(Node node, String field) {
        String t = text(node, field);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(node, field, "a number, got '" + t + "'");
        }
    }

    public double number(Map<String, Node> m, String key, String field, double fallback) {
        return m.containsKey(key) ? number(m.get(key), field + "." + key) : fallback;
    }

    public int whole(Map<String, Node> m, String key, String field, int fallback, int min) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        double v = number(m.get(key), field + "." + key);
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw error(m.get(key), field + "." + key, "a whole number >= " + min + ", got " + v);
        }
        return (int) v;
    }

    public boolean flag(Map<String, Node> m, String key, String field, boolean fallback) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        String t = text(m.get(key), field + "." + key);
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(m.get(key), field + "." + key, "true or false, got '" + t + "'");
        };
    }

    public double seconds(Node node, String field) {
        String t = text(node, field);
        try {
            return Steps.parseSeconds(t);
        } catch (IllegalArgumentException e) {
            throw error(node, field, "a duration such as 30m, 2h or 1d, got '" + t + "'");
        }
    }

    public double instant(Node node, String field) {
        String t = text(node, field);
        try {
            return Instant.parse(t).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw error(node, field, "a time such as 2013-08-20T12:00:00Z, got '" + t + "'");
        }
    }

    public IllegalArgumentException error(Node node, String field, String expected) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new IllegalArgumentException(source + ":" + line + ": field '" + field + "': expected " + expected);
    }
}
