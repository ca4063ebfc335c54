package io.prescient.experts.recommend;

import io.prescient.experts.fleet.FleetFiles;

import java.util.ArrayList;
import java.util.List;

/**
 * One round of recommending on a fleet: the recommender's changes ranked by expected net benefit;
 * those with a high saturation risk withheld; those people already decided (rejected, applied,
 * dry-run, accepted) not proposed again; the rest proposed in the audit log; and, with auto-apply,
 * the most confident low-risk open ones accepted and applied through the actuator (recorded as
 * dry runs when it only says), at most {@code maxChanges}. A rejected or applied change is never
 * applied by a round; a second round applies nothing the first did.
 */
public final class RecommendationRound {

    /** Auto-apply's bounds; {@code enabled} false: recommend only. */
    public record AutoApply(boolean enabled, double minConfidence, int maxChanges) {

        public static AutoApply off() {
            return new AutoApply(false, 1, 0);
        }
    }

    /** What happened to one applied recommendation. */
    public record Applied(String id, Status status) {
    }

    /**
     * @param open     proposed and still open, best first
     * @param withheld withheld for a high saturation risk, best first
     * @param decided  how many were already decided and not proposed again
     */
    public record Result(List<Recommendation> open, List<Recommendation> withheld, int decided, List<Applied> applied) {

        public double openNetUsd() {
            return open.stream().mapToDouble(Recommendation::expectedNetUsd).sum();
        }
    }

    private RecommendationRound() {
    }

    public static Result run(Recommender recommender, FleetFiles.Recorded fleet, Decisions decisions, ChangeActuator actuator,
                             AutoApply auto) {
        return run(recommender.recommend(fleet), decisions, actuator, auto);
    }

    /** The round on recommendations already made. */
    public static Result run(List<Recommendation> recommended, Decisions decisions, ChangeActuator actuator, AutoApply auto) {
        List<Recommendation> ranked = Recommender.ranked(recommended);
        List<Recommendation> open = new ArrayList<>();
        List<Recommendation> withheld = new ArrayList<>();
        int decided = 0;
        for (Recommendation r : ranked) {
            if (r.withheld()) {
                withheld.add(r);
            } else if (decisions.propose(r)) {
                open.add(r);
            } else {
                decided++;
            }
        }
        List<Applied> applied = new ArrayList<>();
        if (auto.enabled()) {
            for (Recommendation r : open) {
                if (applied.size() >= auto.maxChanges()) {
                    break;
                }
                if (r.confidence() >= auto.minConfidence() && r.risk().equals("low")
                        && decisions.status(r.id()).orElse(Status.REJECTED) == Status.PROPOSED) {
                    decisions.accept(r.id(), "auto-apply", String.format(java.util.Locale.ROOT, "confidence %.3f, risk %s", r.confidence(),
                            r.risk()));
                    applied.add(new Applied(r.id(), decisions.apply(r.id(), actuator, "auto-apply")));
                }
            }
        }
        return new Result(open, withheld, decided, applied);
    }
}
