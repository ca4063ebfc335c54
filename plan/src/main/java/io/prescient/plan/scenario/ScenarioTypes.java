package io.prescient.plan.scenario;

import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The scenario types registered on the class path ({@link ScenarioType}), by name (in alphabetical order). */
public final class ScenarioTypes {

    private final Map<String, ScenarioType> byName = new TreeMap<>();

    private ScenarioTypes() {
        for (ScenarioType t : ServiceLoader.load(ScenarioType.class, ScenarioType.class.getClassLoader())) {
            if (byName.putIfAbsent(t.type(), t) != null) {
                throw new IllegalStateException("two scenario types are named '" + t.type() + "'");
            }
        }
    }

    public static ScenarioTypes registered() {
        return new ScenarioTypes();
    }

    public Optional<ScenarioType> get(String type) {
        return Optional.ofNullable(byName.get(type));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<ScenarioType> all() {
        return List.copyOf(byName.values());
    }
}
