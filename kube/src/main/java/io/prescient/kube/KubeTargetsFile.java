package io.prescient.kube;

import io.prescient.plan.config.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes actuator's settings, named by a loop config's {@code actuator: {type: kubernetes, path: ...}}:
 * <pre>
 * dry_run: true               # the default: audit what would be sent, change nothing
 * audit: kube-audit.jsonl     # relative to this file
 * targets:
 *   - workload: web/requests  # the loop's workload name (item/metric)
 *     kind: deployment        # deployment, statefulset or hpa (sets minReplicas)
 *     namespace: shop
 *     name: web
 *     min_replicas: 2
 *     max_replicas: 20
 *     max_step: 4
 *     cooldown: 10m
 *     allow_scale_to_zero: false   # min_replicas 0 is refused unless this is true
 * </pre>
 * Errors name the file, line and field; two targets for one workload, or for one object, are refused.
 */
public final class KubeTargetsFile {

    /** What the file holds. */
    public record Settings(boolean dryRun, Path audit, List<KubeTarget> targets) {
    }

    private KubeTargetsFile() {
    }

    public static Settings read(Path file) {
        YamlNodes yaml = new YamlNodes(file.toString());
        try (Reader reader = Files.newBufferedReader(file)) {
            Node root = yaml.root(reader, "'targets'");
            Map<String, Node> top = yaml.mapping(root, "top level", Set.of("dry_run", "audit", "targets"));
            boolean dryRun = yaml.flag(top, "dry_run", "top level", true);
            Path base = file.toAbsolutePath().getParent();
            Path audit = base.resolve(top.containsKey("audit") ? yaml.text(top.get("audit"), "audit") : "kube-audit.jsonl");
            List<KubeTarget> targets = new ArrayList<>();
            List<Node> items = yaml.sequence(yaml.required(top, root, "top level", "targets"), "targets");
            for (int i = 0; i < items.size(); i++) {
                String f = "targets[" + i + "]";
                Map<String, Node> m = yaml.mapping(items.get(i), f, Set.of("workload", "kind", "namespace", "name", "min_replicas",
                        "max_replicas", "max_step", "cooldown", "allow_scale_to_zero"));
                KubeTarget.Kind kind;
                try {
                    kind = KubeTarget.Kind.parse(yaml.text(yaml.required(m, items.get(i), f, "kind"), f + ".kind"));
                } catch (IllegalArgumentException e) {
                    throw yaml.error(m.get("kind"), f + ".kind", "deployment, statefulset or hpa");
                }
                Duration cooldown = m.containsKey("cooldown") ? Duration.ofMillis((long) (1000 * yaml.seconds(m.get("cooldown"), f + ".cooldown")))
                        : Duration.ofMinutes(5);
                KubeTarget target;
                try {
                    target = new KubeTarget(yaml.text(yaml.required(m, items.get(i), f, "workload"), f + ".workload"), kind,
                            m.containsKey("namespace") ? yaml.text(m.get("namespace"), f + ".namespace") : "default",
                            yaml.text(yaml.required(m, items.get(i), f, "name"), f + ".name"), yaml.whole(m, "min_replicas", f, 1, 0),
                            yaml.whole(m, "max_replicas", f, 10, 1), yaml.whole(m, "max_step", f, 5, 1), cooldown,
                            yaml.flag(m, "allow_scale_to_zero", f, false));
                    for (int j = 0; j < targets.size(); j++) {
                        if (targets.get(j).workload().equals(target.workload())) {
                            throw yaml.error(m.get("workload"), f + ".workload", "a workload no other target has; targets[" + j
                                    + "] already sets " + target.workload());
                        }
                        if (targets.get(j).describe().equals(target.describe())) {
                            throw yaml.error(m.get("name"), f + ".name", "an object no other target sets; targets[" + j + "] already sets "
                                    + target.describe());
                        }
                    }
                    targets.add(target);
                } catch (IllegalArgumentException e) {
                    if (e.getMessage().contains(": field '")) {
                        throw e;
                    }
                    throw yaml.error(items.get(i), f, "valid bounds (" + e.getMessage() + ")");
                }
            }
            return new Settings(dryRun, audit, targets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kubernetes targets " + file + ": " + e.getMessage(), e);
        }
    }
}
