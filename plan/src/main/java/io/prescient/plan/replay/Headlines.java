package io.prescient.plan.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protocol's headlines for each family: its cheapest member with pooled violations at most 1%
 * (and 5%), and its cheapest member under which at least 95% of the series stay at or under 1%
 * violations (the per-workload SLO).
 */
public final class Headlines {

    /** Share of series that must meet the SLO for the per-workload headline. */
    public static final double SLO_SHARE = 0.95;

    /** One family's headline members; empty where no member qualifies. */
    public record FamilyHeadline(String family, Optional<MemberScore> pooled1, Optional<MemberScore> pooled5,
                                 Optional<MemberScore> slo) {
    }

    private Headlines() {
    }

    public static List<FamilyHeadline> of(List<MemberScore> scores) {
        Map<String, List<MemberScore>> byFamily = new LinkedHashMap<>();
        for (MemberScore s : scores) {
            byFamily.computeIfAbsent(s.family(), k -> new ArrayList<>()).add(s);
        }
        List<FamilyHeadline> out = new ArrayList<>();
        byFamily.forEach((family, members) -> out.add(new FamilyHeadline(family,
                cheapest(members, s -> s.violationRate() <= 0.01), cheapest(members, s -> s.violationRate() <= 0.05),
                cheapest(members, s -> s.sloShare() >= SLO_SHARE))));
        return out;
    }

    private static Optional<MemberScore> cheapest(List<MemberScore> members, java.util.function.Predicate<MemberScore> ok) {
        return members.stream().filter(ok).min(java.util.Comparator.comparingDouble(MemberScore::costRatio));
    }
}
