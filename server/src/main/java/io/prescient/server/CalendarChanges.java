package io.prescient.server;

import io.prescient.feedback.world.Launch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What changed in a launch calendar between two reads: a launch of the same team and size on another
 * day moved; one only in the new read was added; one only in the old was dropped (launched, or
 * cancelled). One line each, stamped with when it was seen.
 */
final class CalendarChanges {

    private CalendarChanges() {
    }

    /** A planned launch on its calendar date (reads of a rolling history count days from different starts). */
    record Dated(LocalDate date, String team, double size) {
    }

    static List<Dated> dated(List<Launch> launches, LocalDate start) {
        return launches.stream().map(l -> new Dated(start.plusDays(l.day()), l.team(), l.size())).toList();
    }

    static List<String> between(List<Dated> before, List<Dated> after, Instant seen) {
        List<Dated> gone = new ArrayList<>(before);
        List<Dated> added = new ArrayList<>();
        for (Dated l : after) {
            if (!gone.remove(l)) {
                added.add(l);
            }
        }
        List<String> out = new ArrayList<>();
        for (Dated a : added) {
            Dated moved = gone.stream().filter(g -> g.team().equals(a.team()) && g.size() == a.size()).findFirst().orElse(null);
            if (moved != null) {
                gone.remove(moved);
                out.add(line(seen, "moved", a, " from " + moved.date()));
            } else {
                out.add(line(seen, "added", a, ""));
            }
        }
        gone.forEach(g -> out.add(line(seen, "dropped", g, "")));
        return out;
    }

    private static String line(Instant seen, String what, Dated l, String more) {
        return String.format(Locale.ROOT, "%s: %s %s launch of %.0f on %s%s", seen.toString().substring(0, 19).replace('T', ' '), what,
                l.team().isBlank() ? "a" : l.team() + "'s", l.size(), l.date(), more);
    }
}
