package io.prescient.cli;

import io.prescient.io.corpus.PretrainingCorpus;
import io.prescient.neural.pretrained.CorpusSeries;
import io.prescient.neural.pretrained.MixerNet;
import io.prescient.neural.pretrained.ReadingsCheck;
import io.prescient.neural.pretrained.ShippedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code prescient bench readings}: the pretrained forecaster's two readings of the past against the
 * whole context alone, on the held-out ends of the pretraining corpus (where the rule was chosen).
 */
@Command(name = "readings", mixinStandardHelpOptions = true,
        description = {"Scores the pretrained network's whole-context reading alone against the forecaster's readings "
                + "(whole and recent, combined) on the held-out end of every real series of the pretraining corpus "
                + "(Bitbrains left out), for the first --steps steps: standardised decile loss and weighted CRPS."})
public final class ReadingsBench implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--data", defaultValue = "../shared/data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--from", description = "A pretrained artifact instead of the shipped one.")
    Path from;
    @Option(names = "--steps", split = ",", defaultValue = "48,128,720",
            description = "Steps scored from each held-out end, one check each (default: ${DEFAULT-VALUE}).")
    List<Integer> steps;
    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a folder: pass the folder that holds nab/, "
                    + "alibaba-genai-2026/, ... (../shared/data here)");
        }
        if (from != null && !Files.isRegularFile(from)) {
            throw new IllegalArgumentException("--from " + from + " is not a file: write one with `prescient model pretrain --out "
                    + from + "`");
        }
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter log = output.json() ? spec.commandLine().getErr() : console;
        List<CorpusSeries> corpus = new PretrainingCorpus(line -> log.println("  " + line)).read(data, false).stream()
                .map(e -> PretrainCommand.corpusSeries(e.source(), e.series())).toList();
        MixerNet net = from == null ? ShippedModel.load() : MixerNet.read(from);
        List<ReadingsCheck.Result> results = new ArrayList<>();
        for (int s : steps) {
            results.add(ReadingsCheck.run(net, corpus, s));
        }
        if (output.json()) {
            output.print(console, Map.of("corpus_series", corpus.size(), "checks", results));
            return 0;
        }
        console.printf(Locale.ROOT, "%d corpus series; the whole context alone -> the forecaster's readings:%n", corpus.size());
        for (ReadingsCheck.Result r : results) {
            console.printf(Locale.ROOT, "first %d steps: %d series (%d with a recent reading): standardised loss %.4f -> %.4f "
                            + "(%+.1f%%), weighted CRPS %.4f -> %.4f%n", r.steps(), r.series(), r.withRecent(), r.lossWhole(),
                    r.lossReadings(), 100 * r.lossChange(), r.crpsWhole(), r.crpsReadings());
        }
        return 0;
    }
}
