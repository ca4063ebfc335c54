package io.prescient.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code prescient demo}: the main job on the bundled sample data and the embedded store. It unpacks
 * the NAB samples into the Prescient directory, ingests them, shows the dataset and one series,
 * runs one retrain-validate-promote cycle of the forecasting models, a what-if capacity plan and the
 * planning loop on a simulated clock, through the same commands a user runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Prescient on the bundled sample data (four real AWS CloudWatch series from NAB).",
                "Uses $PRESCIENT_HOME/demo.duckdb unless --store is given."})
public final class DemoCommand implements Runnable {

    static final String DATASET = "demo-nab";
    static final List<String> SAMPLES = List.of("nab/ec2_cpu_utilization_5f5533.csv", "nab/elb_request_count_8c0756.csv",
            "nab/rds_cpu_utilization_e47b3b.csv", "nab/ec2_network_in_5abac7.csv", "nab/LICENSE.txt", "prescient.yaml",
            "scenarios/campaign.yaml");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    private final CliEnvironment environment;

    public DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Path root0 = unpackSamples(environment.home().folder("samples"));
        Path samples = root0.resolve("nab");
        Path storeFile = store.file() != null ? store.file() : environment.home().folder("demo.duckdb");
        CommandLine root = spec.root().commandLine();
        out.println("== ingest the samples (" + samples + ") into " + storeFile);
        out.flush();
        run(root, "ingest", samples.toString(), "--format", "nab", "--dataset", DATASET, "--store", storeFile.toString());
        out.println();
        out.println("== the dataset on its common 5-minute grid");
        out.flush();
        run(root, "dataset", "show", DATASET, "--store", storeFile.toString());
        out.println();
        out.println("== one workload: ELB requests per 5 minutes, hourly sums");
        out.flush();
        run(root, "series", "show", DATASET + "/elb_request_count_8c0756/request_count", "--step", "1h", "--rule", "sum",
                "--last", "6", "--store", storeFile.toString());
        out.println();
        out.println("== forecasting: validate models on the last two days (hourly, 24-step windows), keep the best");
        out.flush();
        run(root, "model", "cycle", DATASET, "--freq", "1h", "--horizon", "24", "--windows", "2",
                "--challengers", "seasonal-naive,ensemble,ets", "--store", storeFile.toString());
        out.println();
        out.println("== the registry");
        out.flush();
        run(root, "model", "list", "--store", storeFile.toString());
        out.println();
        out.println("== what-if: the next 4 hours of ELB requests, baseline against a campaign with flash sales ("
                + root0.resolve("scenarios/campaign.yaml") + "), P95, 50 requests per unit");
        out.flush();
        run(root, "plan", DATASET, "--series", "elb_request_count_8c0756", "--unit-capacity", "50", "--compare",
                root0.resolve("scenarios/campaign.yaml").toString(), "--rows", "8", "--store", storeFile.toString());
        out.println();
        out.println("== the planning loop (" + root0.resolve("prescient.yaml") + "): every workload's last day replayed on a "
                + "simulated clock, dry-run actuator, every step recorded in the store");
        out.flush();
        run(root, "run", "--config", root0.resolve("prescient.yaml").toString(), "--store", storeFile.toString());
        out.println();
        out.printf(java.util.Locale.ROOT, "== done in %.1f s. What next:%n", (System.nanoTime() - started) / 1e9);
        out.println("  ./prescient serve --config " + root0.resolve("prescient.yaml") + " --replay --tick 200ms --store " + storeFile);
        out.println("      the same loop behind the dashboard at http://127.0.0.1:8080 (API /api, /metrics)");
        out.println("  ./prescient plan my.csv --series <id> --unit-capacity <demand one replica serves>");
        out.println("      your own data: a CSV of series_id,timestamp,value rows (format and step are read from the file)");
        out.println("  ./prescient run --config my.yaml --live");
        out.println("      the loop on the real clock against your Prometheus (source: {path: http://prometheus:9090, "
                + "format: prometheus, ...})");
        out.println("  ./prescient --help, and README.md for Kubernetes (dry run first) and the container image (deploy/)");
    }

    private static void run(CommandLine root, String... args) {
        int code = root.execute(args);
        if (code != 0) {
            throw new IllegalStateException("demo step '" + String.join(" ", args) + "' failed with exit code " + code);
        }
    }

    private static Path unpackSamples(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : SAMPLES) {
                try (InputStream in = DemoCommand.class.getResourceAsStream("samples/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample " + name + " is missing from the build; rebuild with mvn package");
                    }
                    Files.createDirectories(dir.resolve(name).getParent());
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the samples into " + dir + ": " + e.getMessage(), e);
        }
    }
}
