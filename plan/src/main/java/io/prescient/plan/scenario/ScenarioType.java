package io.prescient.plan.scenario;

import java.util.Set;

/**
 * A kind of scenario a scenario file can name ({@code type: spike}): the keys it reads besides the
 * common ones ({@code name}, {@code type}, {@code target}, {@code probability}) and how it reads them.
 * A new type is one class (the scenario with its reader beside it) plus a line in
 * {@code META-INF/services/io.prescient.plan.scenario.ScenarioType}; {@link ScenarioTypes} finds it.
 */
public interface ScenarioType {

    /** Its name in a file's {@code type} field. */
    String type();

    /** The keys it reads beyond the common ones. */
    Set<String> keys();

    /** One-line description for help texts: what it simulates and its keys. */
    String describe();

    /** @throws IllegalArgumentException naming file, line and field, through {@code fields} */
    Scenario read(ScenarioFields fields);
}
