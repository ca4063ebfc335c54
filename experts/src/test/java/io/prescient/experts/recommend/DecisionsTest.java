package io.prescient.experts.recommend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionsTest {

    private static Recommendation rec(String id, double saving, double risk, double confidence) {
        return new Recommendation(id, "a", id, "production", "m6i.xlarge", "m6i.large", saving, 0.3, 0.6, 0.4, risk * 10, risk, 20, 15,
                confidence, "text", saving - risk * 100, Recommendation.riskOf(risk));
    }

    private static final ChangeActuator REAL = new ChangeActuator() {
        @Override
        public String apply(Recommendation r) {
            return "patched " + r.id();
        }
    };

    /** Auto-apply never applies a rejected or an applied change, is idempotent, and says dry-run for a dry run. */
    @Test
    void autoApplyRespectsEveryDecisionAndIsIdempotent(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir.resolve("recommendations.jsonl"));
        Decisions decisions = new Decisions(log, Clock.systemUTC());
        List<Recommendation> recs = List.of(rec("big", 300, 0.01, 0.95), rec("rejected", 500, 0.0, 0.99), rec("risky", 400, 0.3, 0.99),
                rec("withheld", 900, 0.7, 0.99), rec("unsure", 200, 0.0, 0.5));
        RecommendationRound.Result first = RecommendationRound.run(recs, decisions, REAL, RecommendationRound.AutoApply.off());
        assertEquals(List.of("rejected", "risky", "big", "unsure"), first.open().stream().map(Recommendation::id).toList(),
                "ranked by expected net benefit; the withheld one last and apart");
        assertEquals(1, first.withheld().size());
        decisions.reject("rejected", "ops", "we need the headroom");

        RecommendationRound.AutoApply auto = new RecommendationRound.AutoApply(true, 0.8, 5);
        RecommendationRound.Result second = RecommendationRound.run(recs, decisions, ChangeActuator.dryRun(), auto);
        assertEquals(List.of(new RecommendationRound.Applied("big", Status.DRY_RUN)), second.applied(),
                "not the rejected, not the flagged risky one, not the unsure one");
        assertEquals(1, second.decided(), "the rejected one is not proposed again");
        assertEquals(Status.REJECTED, decisions.status("rejected").orElseThrow());
        assertTrue(log.entries().stream().anyMatch(e -> e.path("event").asText().equals("dry-run") && e.path("id").asText().equals("big")));
        assertTrue(log.entries().stream().noneMatch(e -> e.path("event").asText().equals("applied")), "a dry run is never 'applied'");

        RecommendationRound.Result third = RecommendationRound.run(recs, decisions, REAL, auto);
        assertTrue(third.applied().isEmpty(), "a dry-run change is not applied again by a round: " + third.applied());
        assertEquals(Status.APPLIED, decisions.apply("big", REAL, "ops"), "a person may still apply what was dry-run");
        Decisions.Refused twice = assertThrows(Decisions.Refused.class, () -> decisions.apply("big", REAL, "ops"));
        assertTrue(twice.getMessage().contains("is applied"), twice.getMessage());
        Decisions.Refused rejected = assertThrows(Decisions.Refused.class, () -> decisions.accept("rejected", "someone", ""));
        assertTrue(rejected.getMessage().contains("already rejected"), rejected.getMessage());
        assertThrows(Decisions.Refused.class, () -> decisions.apply("unsure", REAL, "ops"), "not accepted yet");
        assertTrue(assertThrows(Decisions.Refused.class, () -> decisions.reject("nope", "x", "")).status().isEmpty());
    }
}
