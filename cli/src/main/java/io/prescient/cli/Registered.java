package io.prescient.cli;

import io.prescient.forecast.Models;
import io.prescient.plan.scenario.ScenarioType;
import io.prescient.plan.scenario.ScenarioTypes;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What is registered on the class path, as help texts list it: the models (every
 * {@code ForecasterProvider}'s names, the {@code --model} options' completion candidates) and the
 * scenario types (every {@code ScenarioType}, in a footer of the commands that read scenario files).
 */
final class Registered {

    private Registered() {
    }

    /** The registered model names, for {@code completionCandidates} and {@code ${COMPLETION-CANDIDATES}}. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Models.names().iterator();
        }
    }

    /** Adds the scenario types to the help of the commands whose config or options read scenario files. */
    static void scenarioFooters(CommandLine cli) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Scenario types (a scenario file's 'type'; each also takes name, target, probability):");
        for (ScenarioType t : ScenarioTypes.registered().all()) {
            lines.add("  " + t.type() + ": " + t.describe());
        }
        for (String command : List.of("plan", "run", "serve")) {
            CommandLine.Model.UsageMessageSpec usage = cli.getSubcommands().get(command).getCommandSpec().usageMessage();
            List<String> footer = new ArrayList<>(List.of(usage.footer()));
            footer.addAll(lines);
            usage.footer(footer.toArray(String[]::new));
        }
    }
}
