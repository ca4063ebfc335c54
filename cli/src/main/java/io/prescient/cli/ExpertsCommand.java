package io.prescient.cli;

import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;
import io.prescient.core.store.SeriesStore;
import io.prescient.experts.ab.AbTest;
import io.prescient.experiment.Effect;
import io.prescient.experts.actions.Pseudonymiser;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.AccountDay;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.BestPractice;
import io.prescient.experts.fleet.BitbrainsTraces;
import io.prescient.experts.fleet.ExpertScore;
import io.prescient.experts.fleet.FleetBuilder;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.Reward;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.fleet.Skill;
import io.prescient.experts.fleet.Step;
import io.prescient.experts.fleet.Trace;
import io.prescient.experts.learn.BehaviourCloning;
import io.prescient.experts.learn.ExpertPolicy;
import io.prescient.experts.learn.LearntPolicy;
import io.prescient.experts.learn.PolicyOutcome;
import io.prescient.experts.learn.PolicyTraining;
import io.prescient.experts.learn.Ppo;
import io.prescient.experts.learn.StateFeatures;
import io.prescient.experts.recommend.AuditLog;
import io.prescient.experts.recommend.Decisions;
import io.prescient.experts.recommend.RecommendationRound;
import io.prescient.experts.recommend.Status;
import io.prescient.experts.recommend.ChangeActuator;
import io.prescient.experts.recommend.Recommendation;
import io.prescient.experts.recommend.Recommender;
import io.prescient.forecast.Models;
import io.prescient.forecast.registry.ModelLifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code prescient experts}: learning from expert accounts (simulate, score, train, recommend, accept, reject, abtest). */
@Command(name = "experts", mixinStandardHelpOptions = true,
        description = "Find the accounts that run efficiently, learn a policy from them (behavioural cloning, then PPO), "
                + "recommend changes with explanations, and A/B-test them, on a fleet simulator replaying real VM traces.",
        subcommands = {ExpertsCommand.Actions.class, ExpertsCommand.Simulate.class, ExpertsCommand.Score.class, ExpertsCommand.Train.class,
                ExpertsCommand.Recommend.class, ExpertsCommand.Accept.class, ExpertsCommand.Reject.class, ExpertsCommand.Abtest.class})
public final class ExpertsCommand {

    static final String SCOPE = "experts@instance-types";
    static final Instant START = Instant.parse("2013-08-01T00:00:00Z");

    /** Options naming the traces the simulator replays and the fleet it builds. */
    static final class FleetOptions {
        @Option(names = "--data", description = "Directory of GWA-T-12 Bitbrains VM files the simulator replays (e.g. "
                + "../shared/data/bitbrains-rnd/2013-8).")
        Path data;
        @Option(names = "--accounts", defaultValue = "100", description = "Accounts to simulate (default: ${DEFAULT-VALUE}).")
        int accounts;
        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        /** The VM traces: even-numbered ones train, odd-numbered ones are held out. */
        List<Trace> traces(boolean heldOut) {
            if (data == null || !Files.isDirectory(data)) {
                throw new IllegalArgumentException((data == null ? "no --data" : data + ": no such directory") + "; pass --data <directory "
                        + "of GWA-T-12 Bitbrains VM files>" + " (or, for 'experts train', --fleet <your fleet directory>)");
            }
            List<Trace> all = BitbrainsTraces.read(data, 0.02);
            List<Trace> out = new ArrayList<>();
            for (int i = heldOut ? 1 : 0; i < all.size(); i += 2) {
                out.add(all.get(i));
            }
            return out;
        }
    }

    static ActionSpace space() {
        return new ActionSpace(Catalogue.aws());
    }

    static FleetSimulator simulator(long seed) {
        return new FleetSimulator(space(), Reward.defaults(), START, seed);
    }

    /** {@code prescient experts actions}. */
    @Command(name = "actions", mixinStandardHelpOptions = true,
            description = {"Reads configuration-action logs as they are delivered (a file or a directory tree: CloudTrail's gzipped "
                    + "JSON files, Kubernetes audit logs, the action CSV; the format read from each file) and prints the actions it "
                    + "keeps, counted by source and kind (instance types, volumes, autoscaling bounds, launch templates, replicas, "
                    + "requests, limits), what it skipped and why, and any file it could not read (the others are read)."})
    public static final class Actions implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "A log file or a directory of them.")
        Path path;
        @Option(names = "--list", defaultValue = "0", description = "Also list the first N actions (default: ${DEFAULT-VALUE}).")
        int list;
        @Mixin
        OutputOption output;

        @Override
        public void run() {
            boolean json = output.json();
            io.prescient.experts.actions.ActionLogs logs = io.prescient.experts.actions.ActionLogs.read(path);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                output.print(out, logs);
                return;
            }
            out.printf(Locale.ROOT, "%s: %d log files read%s; %d configuration actions kept%n", path, logs.files(),
                    logs.failed().isEmpty() ? "" : " (" + logs.failed().size() + " could not be)", logs.actions().size());
            TextTable kept = new TextTable(List.of("kept (source, kind)", "actions"), false, true);
            logs.kept().forEach(kept::add);
            kept.print(out);
            if (!logs.skipped().isEmpty()) {
                TextTable skipped = new TextTable(List.of("skipped, because", "events"), false, true);
                logs.skipped().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> skipped.add(e.getKey(),
                        e.getValue()));
                skipped.print(out);
            }
            logs.failed().forEach(f -> out.println("could not read " + f));
            for (io.prescient.experts.actions.ConfigAction a : logs.actions().subList(0, Math.min(list, logs.actions().size()))) {
                out.printf(Locale.ROOT, "%s  %-16s %-40s %-18s %s%n", a.time(), a.account(), a.resource(),
                        a.kind().name().toLowerCase(Locale.ROOT), a.to());
            }
        }
    }

    /** {@code prescient experts simulate}. */
    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Simulates accounts of VMs replaying the traces, each operated by a skill (expert, over-provisioner, "
                    + "under-provisioner, churner, idle), and writes the fleet as an operator would export it: resources.csv, "
                    + "metrics.csv (hourly usage), cloudtrail.json (type changes) and truth.csv (the skills).")
    public static final class Simulate implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        FleetOptions fleet = new FleetOptions();
        @Option(names = "--held-out", description = "Use the held-out (odd-numbered) traces instead of the training ones.")
        boolean heldOut;
        @Option(names = "--out", required = true, description = "Output directory.")
        Path out;

        @Override
        public void run() {
            List<Account> accounts = FleetBuilder.defaults(space()).build(fleet.traces(heldOut), fleet.accounts,
                    heldOut ? "test" : "acct", fleet.seed);
            RulePolicies rules = new RulePolicies(space());
            FleetSimulator.Fleet f = simulator(fleet.seed).run(accounts, a -> rules.of(a.skill()));
            try {
                FleetFiles.write(out, f, START);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the fleet to " + out + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().printf("%d accounts, %d VMs, %d type changes, %d VM-days written to %s%n", accounts.size(),
                    accounts.stream().mapToInt(a -> a.resources().size()).sum(), f.actions().size(), f.resourceDays().size(), out);
        }
    }

    /** {@code prescient experts score}. */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Scores the accounts of a fleet directory (resources.csv, metrics.csv, cloudtrail.json) and lists the "
                    + "experts with the breakdown of their scores; with truth.csv, precision and recall against it.")
    public static final class Score implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "Fleet directory.")
        Path dir;
        @Option(names = "--weights", split = ",", description = "Weights of cost, utilisation, SLA, practice, feedback (default: 2,3,1,3,0.5).")
        double[] weights;
        @Option(names = "--threshold", defaultValue = "1.1", description = "Experts score this many standard deviations above the mean (default: ${DEFAULT-VALUE}).")
        double threshold;
        @Option(names = "--ratings", description = "CSV of account,rating (0 to 5): user feedback.")
        Path ratings;
        @Option(names = "--pseudonymise-key", description = "File holding a key (16+ bytes): account ids are replaced by keyed pseudonyms before scoring.")
        Path key;
        @Option(names = "--top", defaultValue = "25", description = "Rows to print (default: ${DEFAULT-VALUE}).")
        int top;
        @Mixin
        OutputOption output;

        /** What {@code --output json} prints: the top accounts' breakdowns; precision and recall when truth.csv is there. */
        record Report(int accounts, long experts, List<ExpertScore.Breakdown> top, Double precision, Double recall) {
        }

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter out = spec.commandLine().getOut();
            io.prescient.experts.fleet.FleetScoring result = io.prescient.experts.fleet.FleetScoring.score(dir,
                    weights == null ? ExpertScore.Weights.defaults() : weights(weights), threshold, java.util.Optional.ofNullable(ratings),
                    java.util.Optional.ofNullable(key));
            List<ExpertScore.Breakdown> scored = result.scored();
            Map<String, Skill> truth = result.truth();
            long experts = result.experts();
            double[] pr = result.precision() == null ? null : new double[] {result.precision(), result.recall()};
            if (json) {
                output.print(out, new Report(scored.size(), experts, scored.subList(0, Math.min(top, scored.size())),
                        pr == null ? null : pr[0], pr == null ? null : pr[1]));
                return;
            }
            out.printf("%-16s %7s %9s %9s %9s %9s %9s %6s %6s %7s %s%n", "account", "score", "cost_eff", "well_size", "saturated",
                    "hot_prod", "tight_chg", "points", "rating", "expert", truth.isEmpty() ? "" : "truth");
            for (ExpertScore.Breakdown b : scored.subList(0, Math.min(top, scored.size()))) {
                out.printf(Locale.ROOT, "%-16s %7.2f %9.3f %9.3f %9.4f %9.3f %9.3f %6d %6.1f %7s %s%n", b.account(), b.score(),
                        b.costEfficiency(), b.wellSizedShare(), b.saturatedShare(), b.hotProductionShare(), b.tightChangeShare(),
                        b.practicePoints(), b.rating(),
                        b.expert() ? "yes" : "", truth.isEmpty() ? "" : truth.get(b.account()).name().toLowerCase(Locale.ROOT));
            }
            out.printf("%d of %d accounts scored as experts%n", experts, scored.size());
            if (pr != null) {
                out.printf(Locale.ROOT, "against truth.csv: precision %.3f, recall %.3f%n", pr[0], pr[1]);
            }
        }
    }

    /** {@code prescient experts train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Simulates training accounts (even-numbered traces), scores them, clones the decisions of the accounts "
                    + "scored as experts, fine-tunes with PPO (validation accounts pick the iteration), registers the policy "
                    + "in the store, and evaluates it on held-out accounts (odd-numbered traces) against the experts' policy "
                    + "and a rule-based rightsizer."})
    public static final class Train implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        FleetOptions fleet = new FleetOptions();
        @Mixin
        StoreOption store;
        @Option(names = "--iterations", description = "PPO iterations (default: 60 on the simulated accounts, 150 with --fleet).")
        Integer iterationsGiven;
        int iterations;
        @Option(names = "--fleet", description = "Learn from your own fleet directory instead (resources.csv, metrics.csv, action "
                + "logs): experts scored from its recorded outcomes, their logged decisions cloned, PPO on its own recorded usage, "
                + "a third of its accounts held out.")
        Path fromFleet;
        @Mixin
        OutputOption output;

        /** What {@code --output json} prints (training progress goes to standard error). */
        record Report(String policyId, double cloningSeconds, int cloningEpochs, double cloningAccuracy, double ppoSeconds,
                      int ppoIterations, int keptIteration, double precision, double recall, List<PolicyOutcome> heldOut,
                      double totalSeconds) {
        }

        private final CliEnvironment environment;

        public Train(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter out = json ? spec.commandLine().getErr() : console;
            long started = System.nanoTime();
            iterations = iterationsGiven != null ? iterationsGiven : fromFleet != null ? 150 : 60;
            if (fromFleet != null) {
                learnFromFiles(console, out, json);
                return;
            }
            FleetSimulator simulator = simulator(fleet.seed);
            io.prescient.experts.learn.SimulatedTraining t = io.prescient.experts.learn.SimulatedTraining.run(simulator, fleet.traces(false),
                    fleet.traces(true), fleet.accounts, fleet.seed, new Ppo.Settings(iterations, 3e-4, 0.2, 4, 512, 0.9, 0.9, 0.01, fleet.seed),
                    line -> out.println("  " + line));
            PolicyTraining.Result r = t.result();
            double[] pr = {t.precision(), t.recall()};
            PolicyOutcome expert = t.experts();
            PolicyOutcome rightsizer = t.rightsizer();
            PolicyOutcome learnt = t.learnt();
            PolicyOutcome cloned = t.cloned();
            out.printf(Locale.ROOT, "training: cloning %.1f s (%d epochs, held-out accuracy %.3f), PPO %.1f s (%d iterations, kept %d)%n",
                    r.cloning().seconds(), r.cloning().epochs(), r.cloning().validationAccuracy(), r.ppo().seconds(), iterations,
                    r.ppo().bestIteration());
            out.printf(Locale.ROOT, "expert identification on %d held-out accounts: precision %.3f, recall %.3f%n", fleet.accounts, pr[0], pr[1]);
            out.printf("held-out accounts, all VMs run by each policy from day %d:%n", FleetSimulator.FIRST_DECISION_DAY);
            out.printf("%-24s %12s %14s %16s %8s%n", "policy", "mean_reward", "cost_usd", "saturated_hours", "changes");
            for (PolicyOutcome o : List.of(expert, rightsizer, cloned, learnt)) {
                out.printf(Locale.ROOT, "%-24s %12.4f %14.0f %16d %8d%n", o.policy(), o.meanReward(), o.costUsd(), o.violationHours(), o.changes());
            }
            out.printf(Locale.ROOT, "cloned + PPO: %.1f%% of the experts' reward; cost %.1f%% below the rightsizer; saturated hours %d vs %d%n",
                    100 * learnt.meanReward() / expert.meanReward(), 100 * (1 - learnt.costUsd() / rightsizer.costUsd()),
                    learnt.violationHours(), rightsizer.violationHours());
            String validationJson = String.format(Locale.ROOT, "{\"held_out_reward\": %.5f, \"experts_reward\": %.5f, "
                    + "\"rightsizer_cost_usd\": %.2f, \"cost_usd\": %.2f, \"saturated_hours\": %d, \"rightsizer_saturated_hours\": %d}",
                    learnt.meanReward(), expert.meanReward(), rightsizer.costUsd(), learnt.costUsd(), learnt.violationHours(),
                    rightsizer.violationHours());
            String id;
            try (SeriesStore s = environment.openStore(store.file(), false)) {
                id = io.prescient.experts.learn.PolicyRegistration.register(s.models(), Clock.systemUTC(), r.network(), t.evidence(), space(),
                        START.getEpochSecond(), START.getEpochSecond() + 30L * 86400, String.format(Locale.ROOT,
                        "{\"iterations\": %d, \"seed\": %d, \"accounts\": %d, \"experts_cloned\": %d}", iterations, fleet.seed,
                        fleet.accounts, r.experts().size()), validationJson,
                        "{\"data\": \"" + fleet.data.toString().replace("\\", "/").replace("\"", "") + "\", \"command\": \"experts train\"}",
                        "trained by experts train; held-out reward " + String.format(Locale.ROOT, "%.4f", learnt.meanReward()));
            }
            out.printf(Locale.ROOT, "registered %s as the champion of %s; total %.0f s%n", id, SCOPE, (System.nanoTime() - started) / 1e9);
            if (json) {
                output.print(console, new Report(id, r.cloning().seconds(), r.cloning().epochs(), r.cloning().validationAccuracy(),
                        r.ppo().seconds(), iterations, r.ppo().bestIteration(), pr[0], pr[1], List.of(expert, rightsizer, cloned, learnt),
                        (System.nanoTime() - started) / 1e9));
            }
        }

        private void learnFromFiles(PrintWriter console, PrintWriter out, boolean json) {
            FleetFiles.Recorded recorded = readFleet(fromFleet);
            Catalogue prices = Catalogue.forFleet(fromFleet);
            ActionSpace fleetSpace = new ActionSpace(prices);
            FleetSimulator simulator = new FleetSimulator(fleetSpace, Reward.defaults(), START, fleet.seed);
            io.prescient.experts.learn.LogLearning.Result r = new io.prescient.experts.learn.LogLearning(fleetSpace, prices,
                    simulator, ExpertScore.defaults(), BehaviourCloning.Settings.defaults(), new Ppo.Settings(iterations, 3e-4, 0.2, 4, 512,
                    0.9, 0.9, 0.01, fleet.seed)).scoredBy(new ExpertScore(ExpertScore.Weights.defaults(), BestPractice.of(fromFleet), 10,
                    ExpertScore.DEFAULT_THRESHOLD)).learn(recorded, line -> out.println("  " + line));
            PolicyOutcome rightsizer = r.heldOut().get(0);
            PolicyOutcome learnt = r.heldOut().get(r.heldOut().size() - 1);
            String id;
            try (SeriesStore s = environment.openStore(store.file(), false)) {
                id = io.prescient.experts.learn.PolicyRegistration.register(s.models(), Clock.systemUTC(), r.network(), r.evidence(), fleetSpace,
                        recorded.start().getEpochSecond(), recorded.start().getEpochSecond(), String.format(Locale.ROOT,
                        "{\"iterations\": %d, \"experts_cloned\": %d, \"demonstrations\": %d}", iterations, r.experts().size(),
                        r.demonstrations()), String.format(Locale.ROOT, "{\"held_out_reward\": %.5f, \"rightsizer_cost_usd\": %.2f, "
                        + "\"cost_usd\": %.2f}", learnt.meanReward(), rightsizer.costUsd(), learnt.costUsd()), "{\"fleet\": \""
                        + fromFleet.toString().replace("\\", "/").replace("\"", "") + "\", \"command\": \"experts train --fleet\"}",
                        "trained by experts train --fleet");
            }
            if (json) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("policy_id", id);
                m.put("experts", r.experts());
                m.put("precision", r.precision());
                m.put("recall", r.recall());
                m.put("demonstrations", r.demonstrations());
                m.put("held_out", r.heldOut());
                m.put("on_held_out_experts", r.onExperts());
                m.put("held_out_experts_as_logged", r.loggedExperts());
                m.put("seconds", r.seconds());
                output.print(console, m);
                return;
            }
            if (!Double.isNaN(r.precision())) {
                out.printf(Locale.ROOT, "expert identification against truth.csv (training accounts): precision %.3f, recall %.3f%n",
                        r.precision(), r.recall());
            }
            out.printf("held-out accounts (a third of %s), each policy run on their recorded usage from day %d:%n", fromFleet,
                    FleetSimulator.FIRST_DECISION_DAY);
            out.printf("%-30s %12s %14s %16s %8s%n", "policy", "mean_reward", "cost_usd", "saturated_hours", "changes");
            java.util.List<PolicyOutcome> rows = new java.util.ArrayList<>(r.heldOut());
            rows.add(r.onExperts());
            rows.add(r.loggedExperts());
            for (PolicyOutcome o : rows) {
                out.printf(Locale.ROOT, "%-30s %12.4f %14.0f %16d %8d%n", o.policy(), o.meanReward(), o.costUsd(), o.violationHours(),
                        o.changes());
            }
            out.printf(Locale.ROOT, "cloned + PPO: cost %.1f%% below the rightsizer, saturated hours %d vs %d; on the held-out experts' "
                    + "accounts, reward %.4f against %.4f as their operators ran them; registered %s as the champion of %s; %.0f s%n",
                    100 * (1 - learnt.costUsd() / rightsizer.costUsd()), learnt.violationHours(), rightsizer.violationHours(),
                    r.onExperts().meanReward(), r.loggedExperts().meanReward(), id, SCOPE, r.seconds());
        }
    }

    /** {@code prescient experts recommend}. */
    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = "Recommends a change for each VM of a fleet directory where the registered policy would change its "
                    + "type, with savings, forecast utilisation and saturation risk, the evidence from similar expert decisions "
                    + "and the policy's confidence; proposals go to the audit log. With --auto-apply, the most confident ones "
                    + "are applied through the actuator (a dry run: it prints the AWS CLI commands) within the bounds.")
    public static final class Recommend implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "Fleet directory.")
        Path dir;
        @Mixin
        StoreOption store;
        @Option(names = "--audit", description = "Audit log (JSON lines) (default: <fleet directory>/recommendations.jsonl).")
        Path audit;
        @Option(names = "--account", description = "Only this account.")
        String account;
        @Option(names = "--limit", defaultValue = "10", description = "Recommendations to print (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--auto-apply", description = "Apply recommendations above --min-confidence without asking, at most --max-changes.")
        boolean autoApply;
        @Option(names = "--min-confidence", defaultValue = "0.8", description = "Auto-apply bound (default: ${DEFAULT-VALUE}).")
        double minConfidence;
        @Option(names = "--max-changes", defaultValue = "5", description = "Auto-apply bound per run (default: ${DEFAULT-VALUE}).")
        int maxChanges;
        @Option(names = "--saturated-hour-cost", defaultValue = "10", description = "What an hour of CPU demand above a new type's "
                + "vCPUs costs, in USD, for the expected net benefit (default: ${DEFAULT-VALUE}).")
        double saturatedHourUsd;
        @Mixin
        KubeRecommendations kube = new KubeRecommendations();
        @Mixin
        OutputOption output;

        /** What {@code --output json} prints: the top recommendations by expected net benefit, and what was applied. */
        record Report(String policyId, String resources, int recommendations, double expectedNetUsd, List<Recommendation> top,
                      int withheld, int alreadyDecided, List<RecommendationRound.Applied> applied) {
        }

        private final CliEnvironment environment;

        public Recommend(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter out = json ? new PrintWriter(java.io.OutputStream.nullOutputStream()) : console;
            Decisions decisions = new Decisions(new AuditLog(audit != null ? audit : dir.resolve("recommendations.jsonl")),
                    java.time.Clock.systemUTC());
            RecommendationRound.AutoApply auto = new RecommendationRound.AutoApply(autoApply, minConfidence, maxChanges);
            String[] policyId = {"vpa-style"};
            java.util.function.Supplier<ExpertPolicy> policy = () -> {
                try (SeriesStore s = environment.openStore(store.file(), false)) {
                    ModelVersion champion = s.models().champion(SCOPE).orElseThrow(() -> new IllegalArgumentException(
                            "no expert policy in the store; run 'prescient experts train --fleet <dir>' (or --data <traces>) first"));
                    policyId[0] = champion.id();
                    out.println("policy " + champion.id());
                    return ExpertPolicy.fromBytes(s.models().artifact(champion.id()));
                }
            };
            io.prescient.experts.recommend.FleetRecommendations round = io.prescient.experts.recommend.FleetRecommendations.round(dir,
                    policy, java.util.Optional.ofNullable(account), decisions, kube.actuator(dir), auto, saturatedHourUsd);
            round.notes().forEach(out::println);
            present(console, out, json, policyId[0], round.resources(), round.result());
        }

        private void present(PrintWriter console, PrintWriter out, boolean json, String policyId, String what, RecommendationRound.Result r) {
            if (json) {
                output.print(console, new Report(policyId, what, r.open().size(), r.openNetUsd(), r.open().subList(0, Math.min(limit,
                        r.open().size())), r.withheld().size(), r.decided(), r.applied()));
                return;
            }
            for (Recommendation x : r.open().subList(0, Math.min(limit, r.open().size()))) {
                out.println(x.id() + (x.risk().equals("low") ? "" : "  [" + x.risk() + " risk]"));
                out.println("  " + x.explanation());
            }
            r.applied().forEach(a -> out.println(a.status().event() + " " + a.id()));
            out.printf(Locale.ROOT, "%d recommendations for %s, $%.2f a month expected net benefit in total (ranked by it); %d "
                    + "withheld for a high saturation risk; %d already decided and not proposed again; %d applied; accept or reject "
                    + "with 'prescient experts accept|reject <id> %s'%n", r.open().size(), what, r.openNetUsd(), r.withheld().size(),
                    r.decided(), r.applied().size(), dir);
        }
    }

    /** {@code prescient experts accept}. */
    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accepts a recommendation (logged); --apply applies it "
            + "through the actuator: a Kubernetes workload's through the cluster (a dry run unless --change-cluster, bounded by "
            + "--max-ratio and the replica bounds), a VM's as the AWS CLI commands it would run.")
    public static final class Accept implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "Recommendation id.")
        String id;
        @Parameters(index = "1", description = "Fleet directory (its recommendations.jsonl is the audit log).")
        Path dir;
        @Option(names = "--apply", description = "Apply the change through the actuator.")
        boolean apply;
        @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who decides (default: the user).")
        String by;
        @Mixin
        KubeRecommendations kube = new KubeRecommendations();

        @Override
        public void run() {
            decide(spec.commandLine().getOut(), dir, id, "accepted", by, "", apply ? kube.actuator(dir) : null);
        }
    }

    /** {@code prescient experts reject}. */
    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Rejects a recommendation (logged with the reason).")
    public static final class Reject implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "Recommendation id.")
        String id;
        @Parameters(index = "1", description = "Fleet directory (its recommendations.jsonl is the audit log).")
        Path dir;
        @Option(names = "--reason", defaultValue = "", description = "Why.")
        String reason;
        @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who decides (default: the user).")
        String by;

        @Override
        public void run() {
            decide(spec.commandLine().getOut(), dir, id, "rejected", by, reason, null);
        }
    }

    static void decide(PrintWriter out, Path dir, String id, String event, String by, String note, ChangeActuator apply) {
        Decisions decisions = new Decisions(new AuditLog(dir.resolve("recommendations.jsonl")), java.time.Clock.systemUTC());
        try {
            Status s = event.equals("accepted") ? decisions.accept(id, by, note) : decisions.reject(id, by, note);
            out.println(s.event() + " " + id);
            if (apply != null) {
                out.println(decisions.apply(id, apply, by).event() + " " + id + (apply.isDryRun() ? " (a dry run: the actuator only "
                        + "says what it would do, and the audit log records it so)" : ""));
            }
        } catch (Decisions.Refused e) {
            throw new IllegalArgumentException(e.getMessage() + (e.status().isEmpty() ? " (" + dir.resolve("recommendations.jsonl")
                    + "); run 'prescient experts recommend " + dir + "' first" : ""), e);
        }
    }

    /** {@code prescient experts abtest}. */
    @Command(name = "abtest", mixinStandardHelpOptions = true,
            description = "A/B test in the simulator on held-out accounts: stratified random assignment; treatment = the "
                    + "registered policy's recommendations applied (or --noop), control = accounts as they run themselves; "
                    + "weekly looks with an O'Brien-Fleming stopping rule; Welch and bootstrap intervals against the true effect.")
    public static final class Abtest implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        FleetOptions fleet = new FleetOptions();
        @Mixin
        StoreOption store;
        @Option(names = "--noop", description = "Treatment changes nothing (the test should find no effect).")
        boolean noop;
        @Mixin
        OutputOption output;
        @Option(names = "--out", description = "Also write the report as JSON to this file (what `prescient serve --experiments` shows).")
        Path report;
        @Option(names = "--fleet", description = "Test on your own fleet directory instead: with --assign, assign its resources; with "
                + "--assignment and --since, measure their outcomes from its recorded files and analyse.")
        Path ownFleet;
        @Option(names = "--assign", description = "With --fleet: write the assignment (unit,arm,stratum) to this CSV.")
        Path assignTo;
        @Option(names = "--assignment", description = "With --fleet: the assignment the test runs on.")
        Path assignment;
        @Option(names = "--since", description = "With --fleet: when the treatment started (e.g. 2024-05-15T00:00:00Z).")
        Instant since;
        @Option(names = "--looks", defaultValue = "3", description = "With --fleet: looks planned, one a week (default: ${DEFAULT-VALUE}).")
        int looks;

        private final CliEnvironment environment;

        public Abtest(CliEnvironment environment) {
            this.environment = environment;
        }

        /** The test on the user's own resources: assign, or measure and analyse. */
        private void onOwnFleet(PrintWriter out, boolean json) {
            FleetFiles.Recorded recorded = readFleet(ownFleet);
            if (assignTo != null) {
                io.prescient.experiment.Assignment a = io.prescient.experts.ab.ResourceExperiment.assign(recorded,
                        new ActionSpace(Catalogue.forFleet(ownFleet)), Catalogue.forFleet(ownFleet),
                        ownFleet.getFileName().toString(), fleet.seed);
                a.write(assignTo);
                out.printf(Locale.ROOT, "%d resources, %d treated, %d control (stratified by their last week's cost); wrote %s: apply the "
                        + "recommendations to the treated ones, then run 'prescient experts abtest --fleet %s --assignment %s --since <start>'%n",
                        a.units().size(), a.treated(), a.units().size() - a.treated(), assignTo, ownFleet, assignTo);
                return;
            }
            if (assignment == null || since == null) {
                throw new IllegalArgumentException("with --fleet: --assign <file> to assign, or --assignment <file> and --since <time> to "
                        + "measure and analyse");
            }
            io.prescient.experiment.Assignment a = io.prescient.experiment.Assignment.read(assignment, ownFleet.getFileName().toString());
            io.prescient.experiment.SequentialTest.Analysis r = io.prescient.experiment.SequentialTest.analyse(a,
                    io.prescient.experts.ab.ResourceExperiment.outcomes(recorded, new ActionSpace(Catalogue.forFleet(ownFleet)),
                            Catalogue.forFleet(ownFleet), a, since),
                    io.prescient.experts.ab.ResourceExperiment.COST, looks, fleet.seed);
            if (report != null) {
                try {
                    Files.writeString(report, new com.fasterxml.jackson.databind.ObjectMapper().enable(
                            com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature())
                            .writerWithDefaultPrettyPrinter().writeValueAsString(r));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + report + ": " + e.getMessage(), e);
                }
            }
            if (json) {
                output.print(out, r);
                return;
            }
            out.printf(Locale.ROOT, "%d treated, %d control resources; look %d of %d (a week each since %s)%n", r.treated(), r.control(),
                    r.look(), r.planned(), since);
            for (Effect e : r.effects()) {
                out.printf(Locale.ROOT, "  %-26s %10.4f  Welch [%.4f, %.4f]  bootstrap [%.4f, %.4f]%n", e.metric(), e.estimate(), e.welchLow(),
                        e.welchHigh(), e.bootstrapLow(), e.bootstrapHigh());
            }
            out.println(r.describe());
        }

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter out = spec.commandLine().getOut();
            if (ownFleet != null) {
                onOwnFleet(out, json);
                return;
            }
            RulePolicies rules = new RulePolicies(space());
            List<Account> accounts = FleetBuilder.defaults(space()).build(fleet.traces(true), fleet.accounts, "ab", fleet.seed + 100);
            java.util.function.Function<Account, io.prescient.experts.fleet.OperatingPolicy> control = a -> rules.of(a.skill());
            java.util.function.Function<Account, io.prescient.experts.fleet.OperatingPolicy> treatment = control;
            if (!noop) {
                try (SeriesStore s = environment.openStore(store.file(), false)) {
                    ModelVersion champion = s.models().champion(SCOPE).orElseThrow(() -> new IllegalArgumentException(
                            "no expert policy in the store; run 'prescient experts train --data <traces>' first, or pass --noop"));
                    LearntPolicy policy = new LearntPolicy(ExpertPolicy.fromBytes(s.models().artifact(champion.id())).network(), space(), true);
                    treatment = a -> policy;
                }
            }
            AbTest.Report r = new AbTest(simulator(fleet.seed), new int[] {14, 21, 28}, fleet.seed).run(accounts, control, treatment);
            if (report != null) {
                writeReport(r, r.effect(AbTest.COST).significant());
            }
            if (json) {
                output.print(out, r);
                return;
            }
            out.printf("%d treated, %d control accounts; treatment: %s%n", r.treated(), r.control(), noop ? "no-op" : "policy applied");
            out.printf(Locale.ROOT, "stopped at look %d (day %d, boundary |t| >= %.3f)%s%n", r.look(), r.stoppedAtDay(), r.boundary(),
                    r.stoppedEarly() ? ", early" : "");
            out.printf("%-28s %10s %24s %24s %8s %10s %7s%n", "metric", "estimate", "welch_interval", "bootstrap_interval", "t", "truth", "covers");
            for (Effect e : r.effects()) {
                out.printf(Locale.ROOT, "%-28s %10.4f %24s %24s %8.2f %10.4f %7s%n", e.metric(), e.estimate(),
                        String.format(Locale.ROOT, "[%.4f, %.4f]", e.welchLow(), e.welchHigh()),
                        String.format(Locale.ROOT, "[%.4f, %.4f]", e.bootstrapLow(), e.bootstrapHigh()), e.statistic(), e.truth(),
                        e.coversTruth() ? "yes" : "NO");
            }
            Effect cost = r.effect(AbTest.COST);
            out.println(cost.significant() ? "cost effect detected" : "no cost effect detected");
            if (report != null) {
                out.println("wrote " + report);
            }
        }

        private void writeReport(AbTest.Report r, boolean detected) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode root = json.valueToTree(r);
            root.put("name", noop ? "no-op treatment" : "expert policy applied");
            root.put("treatment", noop ? "no-op" : "policy");
            root.put("accounts", fleet.accounts);
            root.put("seed", fleet.seed);
            root.put("cost_effect_detected", detected);
            root.put("finished_at", java.time.Instant.now().toString());
            try {
                Path parent = report.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path tmp = Files.createTempFile(parent, ".abtest", ".tmp");
                json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
                Files.move(tmp, report, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + report + ": " + e.getMessage(), e);
            }
        }
    }

    static FleetFiles.Recorded readFleet(Path dir) {
        try {
            return FleetFiles.read(dir, Catalogue.forFleet(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fleet in " + dir + ": " + e.getMessage(), e);
        }
    }

    static ExpertScore.Weights weights(double[] w) {
        if (w.length != 5) {
            throw new IllegalArgumentException("--weights takes five numbers: cost,utilisation,sla,practice,feedback");
        }
        return new ExpertScore.Weights(w[0], w[1], w[2], w[3], w[4]);
    }

}
