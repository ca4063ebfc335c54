package io.prescient.experts.recommend;

import io.prescient.experts.actions.ActionLogs;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.learn.ExpertPolicy;
import io.prescient.experts.workloads.WorkloadConfig;
import io.prescient.experts.workloads.WorkloadRecommender;
import io.prescient.experts.workloads.WorkloadUsage;
import io.prescient.forecast.Models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One recommending round on a fleet directory, the one way the CLI and the server make it: a
 * Kubernetes fleet (an audit log and {@code usage.csv}) gets VPA-style request and replica
 * recommendations; a VM fleet ({@code resources.csv}, {@code metrics.csv}, action logs) gets the
 * registered expert policy's; either goes through {@link RecommendationRound}.
 *
 * @param resources what was recommended on, in words
 * @param notes     files that could not be read, and other remarks
 */
public record FleetRecommendations(String resources, List<String> notes, RecommendationRound.Result result) {

    /** Whether the directory is a Kubernetes fleet. */
    public static boolean kubernetes(Path dir) {
        return Files.exists(dir.resolve("usage.csv"));
    }

    /**
     * @param policy  the registered expert policy (asked for only for a VM fleet)
     * @param account only this account's VMs, if given
     */
    public static FleetRecommendations round(Path dir, Supplier<ExpertPolicy> policy, Optional<String> account, Decisions decisions,
                                             ChangeActuator actuator, RecommendationRound.AutoApply auto, double saturatedHourUsd) {
        if (kubernetes(dir)) {
            ActionLogs logs = ActionLogs.read(dir.resolve(Files.exists(dir.resolve("logs")) ? "logs" : "audit.log"));
            var configs = WorkloadConfig.latest(logs.actions());
            var usage = WorkloadUsage.read(dir.resolve("usage.csv"));
            var recommender = new WorkloadRecommender(WorkloadRecommender.Prices.fargate(), 24, 0.15, 0.7, saturatedHourUsd);
            return new FleetRecommendations(configs.size() + " workloads", logs.failed().stream().map(f -> "could not read " + f).toList(),
                    RecommendationRound.run(recommender.recommend(configs, usage), decisions, actuator, auto));
        }
        FleetFiles.Recorded fleet;
        try {
            fleet = FleetFiles.read(dir, Catalogue.forFleet(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fleet " + dir + ": " + e.getMessage(), e);
        }
        if (account.isPresent()) {
            fleet = new FleetFiles.Recorded(fleet.vms().stream().filter(v -> v.account().equals(account.get())).toList(), fleet.usage(),
                    fleet.start(), fleet.actions(), fleet.truth());
            if (fleet.vms().isEmpty()) {
                throw new IllegalArgumentException("account " + account.get() + " has no VMs in " + dir.resolve("resources.csv"));
            }
        }
        Recommender recommender = new Recommender(policy.get(), new ActionSpace(Catalogue.forFleet(dir)), Models.create("ets", 3600, 24, 168), 20,
                200, saturatedHourUsd);
        return new FleetRecommendations(fleet.vms().size() + " VMs", List.of(), RecommendationRound.run(recommender, fleet, decisions,
                actuator, auto));
    }
}
