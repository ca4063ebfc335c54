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

    static List<String> between(List<Launch> before, List<Launch> after, LocalDate start, Instant seen) {
        List<Launch> gone = new ArrayList<>(before);
        List<Launch> added = new ArrayList<>();
        for (Launch l : after) {
            if (!gone.remove(l)) {
                added.add(l);
            }
        }
        List<String> out = new ArrayList<>();
        for (Launch a : added) {
            Launch moved = gone.stream().filter(g -> g.team().equals(a.team()) && g.size() == a.size()).findFirst().orElse(null);
            if (moved != null) {
                gone.remove(moved);
                out.add(line(seen, "moved", a, start, " from " + start.plusDays(moved.day())));
            } else {
                out.add(line(seen, "added", a, start, ""));
            }
        }
        gone.forEach(g -> out.add(line(seen, "dropped", g, start, "")));
        return out;
    }

    private static String line(Instant seen, String what, Launch l, LocalDate start, String more) {
        return String.format(Locale.ROOT, "%s: %s %s launch of %.0f on %s%s", seen.toString().substring(0, 19).replace('T', ' '), what,
                l.team().isBlank() ? "a" : l.team() + "'s", l.size(), start.plusDays(l.day()), more);
    }
}
