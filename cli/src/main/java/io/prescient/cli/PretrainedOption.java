package io.prescient.cli;

import io.prescient.core.Steps;
import io.prescient.neural.NeuralModels;
import io.prescient.neural.pretrained.ShippedModel;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --from <artifact>}: the pretrained network the models {@code pretrained} and {@code pretrained-tuned} start from;
 * {@code --tune}: how long {@code pretrained-tuned} fine-tunes.
 */
public final class PretrainedOption {
    @Option(names = "--from", description = "A pretrained artifact (from `model pretrain`) for the models pretrained and "
            + "pretrained-tuned, instead of the shipped one.")
    Path from;
    @Option(names = "--tune", description = "Fine-tuning budget of the model pretrained-tuned, e.g. 60s or 5m (default: 120s).")
    String tune;

    /**
     * Points the pretrained models at the artifact and sets the fine-tuning budget, where given, until
     * the returned scope is closed (the models read both when they are created; a command run in the
     * same JVM after this one, as in tests, sees the defaults again).
     */
    Scope apply() {
        if (from != null && !Files.isRegularFile(from)) {
            throw new IllegalArgumentException("--from " + from + " is not a file: write one with `prescient model pretrain --out "
                    + from + "`");
        }
        Scope scope = new Scope(System.getProperty(NeuralModels.TUNE_PROPERTY), System.getProperty(ShippedModel.PROPERTY));
        if (tune != null) {
            System.setProperty(NeuralModels.TUNE_PROPERTY, Long.toString(Steps.parseSeconds(tune)));
        }
        if (from != null) {
            System.setProperty(ShippedModel.PROPERTY, from.toAbsolutePath().toString());
        }
        return scope;
    }

    /** Restores the two properties as they were. */
    record Scope(String tune, String artifact) implements AutoCloseable {
        @Override
        public void close() {
            restore(NeuralModels.TUNE_PROPERTY, tune);
            restore(ShippedModel.PROPERTY, artifact);
        }

        private static void restore(String property, String value) {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        }
    }
}
