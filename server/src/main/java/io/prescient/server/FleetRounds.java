package io.prescient.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.core.store.ModelRegistry;
import io.prescient.experts.learn.ExpertPolicy;
import io.prescient.experts.recommend.AuditLog;
import io.prescient.experts.recommend.ChangeActuator;
import io.prescient.experts.recommend.Decisions;
import io.prescient.experts.recommend.FleetRecommendations;
import io.prescient.experts.recommend.Recommendation;
import io.prescient.experts.recommend.RecommendationRound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Re-recommends on the served fleet directory as its files change (the server checks on a schedule):
 * one round ({@link FleetRecommendations}) that proposes what is new and never proposes what people
 * decided, never applying anything; each round's summary (what it read, what was newly proposed,
 * what is still open, withheld or already decided) is appended to
 * {@code <fleet>/recommendation-rounds.jsonl}, which the recommendations page shows.
 */
final class FleetRounds implements Runnable {

    static final String FILE = "recommendation-rounds.jsonl";

    private final Path fleet;
    private final Optional<ModelRegistry> registry;
    private final Object storeLock;
    private final Clock clock;
    private final Consumer<String> log;
    private List<FileTime> seen = List.of();
    private Set<String> open = Set.of();

    FleetRounds(Path fleet, Optional<ModelRegistry> registry, Object storeLock, Clock clock, Consumer<String> log) {
        this.fleet = fleet;
        this.registry = registry;
        this.storeLock = storeLock;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public synchronized void run() {
        List<FileTime> now = stamps();
        if (now.equals(seen) || now.isEmpty()) {
            return;
        }
        seen = now;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", clock.instant().toString());
        try {
            FleetRecommendations round = FleetRecommendations.round(fleet, this::policy, Optional.empty(),
                    new Decisions(new AuditLog(fleet.resolve("recommendations.jsonl")), clock), ChangeActuator.dryRun(),
                    RecommendationRound.AutoApply.off(), 10);
            RecommendationRound.Result r = round.result();
            Set<String> ids = r.open().stream().map(Recommendation::id).collect(Collectors.toSet());
            line.put("resources", round.resources());
            line.put("new", r.open().stream().map(Recommendation::id).filter(id -> !open.contains(id)).toList());
            line.put("gone", open.stream().filter(id -> !ids.contains(id)).sorted().toList());
            line.put("open", ids.size());
            line.put("withheld", r.withheld().size());
            line.put("already_decided", r.decided());
            line.put("expected_net_usd", r.openNetUsd());
            line.put("notes", round.notes());
            open = ids;
        } catch (RuntimeException e) {
            line.put("failed", e.getMessage());
            log.accept("re-recommending on " + fleet + " failed: " + e.getMessage());
            seen = List.of(); // tried again at the next check (a policy may have been trained meanwhile)
        }
        try {
            Files.writeString(fleet.resolve(FILE), new ObjectMapper().writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fleet.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private ExpertPolicy policy() {
        ModelRegistry r = registry.orElseThrow(() -> new IllegalArgumentException("no store: the VM fleet's expert policy is in the store"));
        synchronized (storeLock) {
            var champion = r.champion("experts@instance-types").orElseThrow(() -> new IllegalArgumentException(
                    "no expert policy registered; run 'prescient experts train --fleet " + fleet + "'"));
            return ExpertPolicy.fromBytes(r.artifact(champion.id()));
        }
    }

    /** When the fleet's input files last changed. */
    private List<FileTime> stamps() {
        List<FileTime> out = new ArrayList<>();
        for (String f : List.of("usage.csv", "audit.log", "metrics.csv", "resources.csv", "cloudtrail.json", "actions.csv")) {
            Path p = fleet.resolve(f);
            if (Files.exists(p)) {
                try {
                    out.add(Files.getLastModifiedTime(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
