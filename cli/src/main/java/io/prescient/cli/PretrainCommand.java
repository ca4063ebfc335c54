package io.prescient.cli;

import io.prescient.core.RegularSeries;
import io.prescient.core.Steps;
import io.prescient.io.corpus.PretrainingCorpus;
import io.prescient.neural.pretrained.CorpusSeries;
import io.prescient.neural.pretrained.MixerNet;
import io.prescient.neural.pretrained.MixerTrainer;
import io.prescient.neural.pretrained.Pretraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code prescient model pretrain}: the pretrained forecaster's corpus and training, reproducible from one command. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrains the patch mixer (model 'pretrained') on every real series of a data folder laid out as "
                + "../shared/data (NAB, Alibaba GenAI and DLRM, Nezha; Bitbrains only with --with-bitbrains, up to its first "
                + "test window) and synthetic series, for a time budget, and writes the artifact. The traces are read where "
                + "they lie; the artifact holds only the network and how it was made."})
public final class PretrainCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--out", required = true, description = "The artifact to write.")
    Path out;
    @Option(names = "--data", defaultValue = "../shared/data", description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--budget", defaultValue = "25m", description = "Training time, e.g. 90s, 25m, 2h (default: ${DEFAULT-VALUE}).")
    String budget;
    @Option(names = "--with-bitbrains", description = "Also learn from the Bitbrains month up to its first test window.")
    boolean withBitbrains;
    @Option(names = "--synthetic", defaultValue = "3000", description = "Synthetic series in the pool (default: ${DEFAULT-VALUE}).")
    int synthetic;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of everything random (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--resume", description = "Continue pretraining this artifact (its shape is kept) instead of starting afresh.")
    Path resume;
    @Option(names = "--threads", defaultValue = "2", description = "PyTorch threads (default: ${DEFAULT-VALUE}).")
    int threads;
    @Mixin
    OutputOption output;

    @Override
    public void run() {
        boolean json = output.json();
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter log = json ? err : console;
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a folder: pass the folder that holds nab/, "
                    + "alibaba-genai-2026/, ... (../shared/data here)");
        }
        if (threads < 1 || synthetic < 0) {
            throw new IllegalArgumentException("--threads must be 1 or more and --synthetic 0 or more, got " + threads + " and " + synthetic);
        }
        // read when PyTorch starts in this process; a process that has already used it keeps its setting
        String before = System.getProperty("prescient.torch.threads");
        System.setProperty("prescient.torch.threads", Integer.toString(threads));
        try {
            pretrain(json, console, log);
        } finally {
            if (before == null) {
                System.clearProperty("prescient.torch.threads");
            } else {
                System.setProperty("prescient.torch.threads", before);
            }
        }
    }

    private void pretrain(boolean json, PrintWriter console, PrintWriter log) {
        List<PretrainingCorpus.Entry> entries = new PretrainingCorpus(line -> log.println("  " + line)).read(data, withBitbrains);
        List<CorpusSeries> corpus = entries.stream().map(e -> corpusSeries(e.source(), e.series())).toList();
        Pretraining.Options options = Pretraining.Options.standard(Steps.parseSeconds(budget), seed);
        MixerTrainer.Settings settings = options.settings();
        if (resume != null) {
            // a fresh optimiser on trained weights: a third of the learning rate, or the first rounds undo what was learnt
            settings = new MixerTrainer.Settings(settings.batch(), settings.round(), settings.maxSteps(), settings.seconds(),
                    settings.learningRate() / 3, settings.seed());
        }
        options = new Pretraining.Options(options.spec(), settings, synthetic, options.syntheticLength(),
                options.syntheticShare(), options.mixProbability());
        MixerTrainer.Result r = new Pretraining(line -> {
            log.println("  " + line);
            log.flush();
        }).run(corpus, options, resume == null ? null : MixerNet.read(resume));
        r.net().write(out);
        MixerTrainer.Report report = r.report();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("artifact", out.toString());
            m.put("bytes", r.net().sizeBytes());
            m.put("steps", report.steps());
            m.put("windows", report.windows());
            m.put("seconds", report.seconds());
            m.put("validation_loss_best", report.bestLoss());
            m.put("validation_losses", report.validationLosses());
            m.put("provenance", r.net().provenance());
            output.print(console, m);
            return;
        }
        console.printf(Locale.ROOT, "wrote %s (%.1f MB): %d steps, %d windows, %.0f s; best validation loss %.4f at step %d%n",
                out, r.net().sizeBytes() / 1e6, report.steps(), report.windows(), report.seconds(), report.bestLoss(),
                report.bestStep());
        console.println(r.net().provenance());
    }

    static CorpusSeries corpusSeries(String source, RegularSeries s) {
        return new CorpusSeries(s.key().toString() + "@" + Steps.format(s.grid().stepSeconds()), source, s.grid().stepSeconds(),
                s.values());
    }
}
