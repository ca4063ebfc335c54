package io.prescient.feedback.history;

import io.prescient.core.validation.InvalidInputException;
import io.prescient.feedback.world.Launch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchSourceTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** Milestones as GET /repos/{owner}/{repo}/milestones returns them. */
    @Test
    void githubMilestonesAreLaunchesWithTheirDueDateSizeAndTeam(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("milestones.json");
        Files.writeString(f, """
                [
                  {"url": "https://api.github.com/repos/acme/search/milestones/3", "html_url": "https://github.com/acme/search/milestone/3",
                   "number": 3, "state": "open", "title": "v2 ranking", "description": "New ranking model.\\nsize: 1200\\n",
                   "open_issues": 4, "closed_issues": 8, "due_on": "2026-02-10T08:00:00Z", "closed_at": null},
                  {"html_url": "https://github.com/acme/search/milestone/4", "number": 4, "state": "open", "title": "v3",
                   "description": "later", "due_on": null},
                  {"html_url": "https://github.com/acme/ads/milestone/1", "number": 1, "state": "closed", "title": "old",
                   "description": "size: 5", "due_on": "2025-12-01T08:00:00Z"},
                  {"html_url": "https://github.com/acme/ads/milestone/2", "number": 2, "state": "open", "title": "no size",
                   "description": "", "due_on": "2026-03-01T08:00:00Z"}
                ]
                """);
        LaunchSource s = LaunchSource.read(f, START);
        assertEquals(1, s.launches().size());
        Launch l = s.launches().get(0);
        assertEquals(40, l.day());
        assertEquals(1200, l.size(), 1e-9);
        assertEquals("acme/search", l.team());
        assertEquals(3, s.skipped().size(), s.skipped().toString());
        assertTrue(s.skipped().get(0).contains("no due date") && s.skipped().get(1).contains("closed")
                && s.skipped().get(2).contains("no size"), s.skipped().toString());
    }

    /** Issues as GET /repos/{owner}/{repo}/issues returns them: the date is their milestone's, size and team from labels. */
    @Test
    void githubIssuesTakeTheirMilestonesDateAndTheirLabels(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("issues.json");
        Files.writeString(f, """
                [{"number": 12, "state": "open", "title": "Launch checkout v2", "html_url": "https://github.com/acme/shop/issues/12",
                  "labels": [{"name": "launch"}, {"name": "size:800"}, {"name": "team:payments"}],
                  "milestone": {"title": "Q1", "due_on": "2026-01-21T00:00:00Z"}, "body": "Rollout plan"},
                 {"number": 13, "state": "open", "title": "No milestone", "labels": [{"name": "size:10"}], "milestone": null}]
                """);
        LaunchSource s = LaunchSource.read(f, START);
        assertEquals(1, s.launches().size());
        assertEquals(20, s.launches().get(0).day());
        assertEquals("payments", s.launches().get(0).team());
        assertTrue(s.skipped().get(0).contains("no milestone"), s.skipped().toString());
        Files.writeString(f, "{\"message\": \"Not Found\"}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LaunchSource.read(f, START));
        assertTrue(e.getMessage().contains("issues.json") && e.getMessage().contains("JSON array"), e.getMessage());
    }

    /** A JIRA CSV export: repeated Labels columns, a custom size field, JIRA's date format, done issues skipped. */
    @Test
    void jiraCsvExportsAreRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("jira.csv");
        Files.writeString(f, """
                Summary,Issue key,Issue id,Issue Type,Status,Due Date,Labels,Labels,Custom field (Team),Custom field (Launch size)
                Launch recommendations v2,REC-101,10001,Epic,In Progress,05/Feb/26 12:00 AM,launch,gpu,recs,450
                "Launch search, phase 2",SRCH-7,10002,Epic,To Do,2026-03-01,launch,,search,900
                Old launch,REC-90,10003,Epic,Done,05/Jan/26 12:00 AM,launch,,recs,100
                Unsized,OPS-1,10004,Task,To Do,06/Feb/26 12:00 AM,,,ops,
                """);
        LaunchSource s = LaunchSource.read(f, START);
        assertEquals(2, s.launches().size(), s.skipped().toString());
        assertEquals(35, s.launches().get(0).day());
        assertEquals("recs", s.launches().get(0).team());
        assertEquals(900, s.launches().get(1).size(), 1e-9);
        assertEquals(2, s.skipped().size());
        Files.writeString(f, """
                Summary,Issue key,Due Date,Launch size
                X,A-1,next week,5
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LaunchSource.read(f, START));
        assertTrue(e.getMessage().contains("jira.csv line 2, field 'Due Date': found 'next week'"), e.getMessage());
    }
}
