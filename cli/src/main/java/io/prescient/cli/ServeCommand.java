package io.prescient.cli;

import io.prescient.core.Steps;
import io.prescient.core.store.SeriesStore;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.server.Serve;
import io.prescient.server.api.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code prescient serve --config prescient.yaml}: the planning loop inside a web server, with the
 * REST API, the dashboard and {@code /metrics}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the planning loop of a config file inside a web server: a dashboard at /, a REST API under /api "
                + "(documented at /openapi.yaml) and Prometheus metrics at /metrics. The loop runs on the real clock, a round every "
                + "'every' steps (or --interval), re-reading the source each round (Prometheus, a growing file or directory, the "
                + "store); --replay runs it over the source's recorded data on a simulated clock instead. Each forecast is scored "
                + "once its horizon has passed; drift runs the retrain-validate-promote cycle in the store's registry, and each "
                + "workload serves its registry champion (a promotion or rollback takes effect at the next round). Decisions go to "
                + "the config's actuator (dry-run, file or kubernetes) and, with a store, to its journal; a restarted server goes "
                + "on from the journal's last decisions and cooldowns.",
                "Mutating and computing requests need 'Authorization: Bearer <token>' (--token, else $PRESCIENT_TOKEN, else a "
                        + "random token printed at start)."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--config", required = true, description = "The loop's config file (prescient.yaml).")
    Path config;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (0: any free one; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token", description = "API token for mutating requests (at least 16 characters).")
    String token;

    @Option(names = "--replay", description = "Replay the source's recorded data on a simulated clock instead of planning live.")
    boolean replay;

    @Option(names = "--tick", defaultValue = "1s", description = "With --replay: wall-clock pause between rounds, e.g. 200ms, 1s "
            + "(default: ${DEFAULT-VALUE}).")
    String tick;

    @Option(names = "--interval", description = "Live: time between rounds, e.g. 30s, 5m (default: 'every' times the grid step).")
    String interval;

    @Option(names = "--fleet", description = "An experts fleet directory: its recommendations.jsonl is shown and decided on.")
    Path fleet;

    @Option(names = "--experiments", description = "A directory of A/B reports (prescient experts abtest --out <dir>/<name>.json).")
    Path experiments;

    @Option(names = "--feedback-strength", defaultValue = "0.5", description = "Feedback strength of the simulated world the "
            + "feedback view analyses (default: ${DEFAULT-VALUE}).")
    double feedbackStrength;

    @Option(names = "--max-request-bytes", defaultValue = "65536", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(names = "--reads-per-second", defaultValue = "2000", description = "API reads one client address may make a second, "
            + "bursts of twice that (default: ${DEFAULT-VALUE}; raise it for load tests, where every client shares one address).")
    double readsPerSecond;

    @Option(names = "--writes-per-second", defaultValue = "5", description = "What-if runs and decisions a client may make a second "
            + "(default: ${DEFAULT-VALUE}).")
    double writesPerSecond;

    @Option(names = "--allowed-host", split = ",", description = "Host names the server answers for besides the address it binds "
            + "(and localhost when it binds loopback), e.g. the name a proxy puts on it; other Host headers get 403.")
    List<String> allowedHosts = List.of();

    @Option(names = "--no-store", description = "Keep nothing: no journal, no registry (drift is reported only).")
    boolean noStore;

    @Option(names = "--keda-port", description = "Also serve the KEDA external scaler (gRPC) on this port; a ScaledObject "
            + "trigger of type external with metadata scalerAddress and workload: <item/metric> scales to the planned units.")
    Integer kedaPort;

    @Option(names = "--for", description = "Stop after this long, e.g. 10m (default: until interrupted).")
    String duration;

    @Option(names = "--challengers", split = ",", defaultValue = io.prescient.plan.config.LoopConfig.Defaults.CHALLENGERS,
            completionCandidates = Registered.ModelNames.class,
            description = "Models the retrain cycle tries on drift, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<String> challengers;

    private final CliEnvironment environment;

    public ServeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        LoopConfig c = LoopConfigFile.read(config);
        String apiToken = token != null ? token : environment.variables().get("PRESCIENT_TOKEN");
        if (apiToken == null) {
            byte[] b = new byte[16];
            new SecureRandom().nextBytes(b);
            apiToken = HexFormat.of().formatHex(b);
            console.println("API token (pass --token or set PRESCIENT_TOKEN to choose one): " + apiToken);
        }
        ServerSettings settings = new ServerSettings(host, port, apiToken, maxRequestBytes, readsPerSecond, writesPerSecond, allowedHosts);
        Optional<SeriesStore> st = noStore ? Optional.empty() : Optional.of(environment.openStore(store.file(), false));
        CountDownLatch stop = new CountDownLatch(1);
        LoopAssembly assembly = new LoopAssembly(c, config, environment.variables(), st);
        int threads = Runtime.getRuntime().availableProcessors();
        Serve.Mode mode = replay ? new Serve.Replay(assembly.read(java.time.Instant.now().getEpochSecond(), threads), parseMillis(tick))
                : new Serve.Live(interval != null ? parseMillis(interval) : c.roundSeconds() * 1000, threads);
        io.prescient.plan.loop.Actuator actuator = assembly.actuator(line -> { }, targets -> KubeActuation.open(targets, console));
        try (Serve serve = Serve.start(new Serve.Options(assembly, mode, Optional.ofNullable(fleet),
                Optional.ofNullable(experiments), feedbackStrength, challengers), settings,
                actuator, line -> {
                    console.println(line);
                    console.flush();
                })) {
            Optional<io.prescient.kube.KubeTargetsFile.Settings> kubeTargets = "kubernetes".equals(c.actuator().type())
                    ? Optional.of(io.prescient.kube.KubeTargetsFile.read(c.actuator().path().orElseThrow())) : Optional.empty();
            Optional<io.prescient.server.keda.KedaScalerServer> keda = Optional.ofNullable(kedaPort)
                    .map(p -> io.prescient.server.keda.KedaScalerServer.start(host, p, serve.state(), kubeTargets));
            keda.ifPresent(k -> {
                console.println("KEDA external scaler (gRPC) on " + host + ":" + k.port() + kubeTargets.map(t -> ", bounded by "
                        + c.actuator().path().orElseThrow() + (t.dryRun() ? " (dry run: it reports nothing KEDA would act on)" : ""))
                        .orElse(""));
                console.flush();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            if (duration != null) {
                stop.await(Steps.parseSeconds(duration), TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            console.printf("stopping after %d rounds%n", serve.state().roundsDone());
            keda.ifPresent(io.prescient.server.keda.KedaScalerServer::close);
        } finally {
            st.ifPresent(s -> {
                try {
                    s.close();
                } catch (Exception e) {
                    console.println("warning: closing the store: " + e.getMessage());
                }
            });
        }
        return 0;
    }

    static long parseMillis(String text) {
        String t = text.trim();
        if (t.endsWith("ms")) {
            try {
                return Long.parseLong(t.substring(0, t.length() - 2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a duration such as 200ms, 1s or 5m, got '" + text + "'");
            }
        }
        return Steps.parseSeconds(t) * 1000;
    }
}
