package io.prescient.server;

import io.prescient.feedback.study.WorldBenchmark;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import io.prescient.plan.config.LoopConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackAnalysisTest {

    /** The page's analysis reads the configured history, and a changed launch calendar is read again with its changes listed. */
    @Test
    @SuppressWarnings("unchecked")
    void aChangedCalendarIsReadAgainAndItsChangesListed(@TempDir Path dir) throws Exception {
        var world = new WorldSimulator(WorldParameters.defaults(0.5, 4)).run(LocalDate.of(2026, 1, 1));
        WorldBenchmark.write(dir, world, false, LocalDate.of(2026, 1, 1));
        Path calendar = dir.resolve("plan.csv");
        Files.writeString(calendar, "planned_date,size,team\n2027-01-05,900,search\n2027-01-12,400,ads\n2026-06-01,300,old\n");
        FeedbackAnalysis analysis = new FeedbackAnalysis(Optional.of(new LoopConfig.Feedback(dir, "", Optional.of(calendar), 0.8, 0.95)), 0.5);
        Map<String, Object> first = analysis.analysis();
        Map<String, Object> launches = (Map<String, Object>) first.get("launches");
        assertEquals(2, ((List<?>) launches.get("upcoming")).size(), launches.toString());
        assertTrue(((List<?>) launches.get("changes")).isEmpty());
        assertTrue(analysis.gauges().stream().anyMatch(g -> g.name().equals("prescient_feedback_loop_strength")));
        assertTrue(first == analysis.analysis(), "unchanged files are not analysed again");

        Files.writeString(calendar, "planned_date,size,team\n2027-01-19,900,search\n2027-01-20,700,payments\n");
        Files.setLastModifiedTime(calendar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        List<String> changes = (List<String>) ((Map<String, Object>) analysis.analysis().get("launches")).get("changes");
        assertEquals(3, changes.size(), changes.toString());
        assertTrue(changes.get(0).contains("moved search's launch of 900 on 2027-01-19 from 2027-01-05"), changes.toString());
        assertTrue(changes.get(1).contains("added payments's launch of 700"), changes.toString());
        assertTrue(changes.get(2).contains("dropped ads's launch of 400"), changes.toString());
    }

    /** Reads of a rolling history count days from different starts: the same launch on the same date is no change. */
    @Test
    void theSameLaunchOnTheSameDateIsNoChangeWhenTheHistoryRolls() {
        java.time.LocalDate jan = java.time.LocalDate.of(2026, 1, 1);
        var before = CalendarChanges.dated(List.of(new io.prescient.feedback.world.Launch(40, 900, 0.5, 0.5, "search")), jan);
        var after = CalendarChanges.dated(List.of(new io.prescient.feedback.world.Launch(33, 900, 0.5, 0.5, "search")), jan.plusDays(7));
        assertEquals(List.of(), CalendarChanges.between(before, after, java.time.Instant.now()));
    }
}
