package io.prescient.feedback.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.feedback.world.Launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Planned launches from the tools teams use, detected from the file: a GitHub REST API export of
 * milestones or issues (JSON: a milestone's {@code due_on}, or an issue's own milestone's, is the
 * planned date), a JIRA CSV export (a header with {@code Issue key}: {@code Due Date} or
 * {@code Due date}), or Prescient's launch calendar CSV ({@link LaunchCalendarReader}). A launch's
 * size (the demand it adds) comes from a {@code size:<number>} label or a {@code size: <number>}
 * line in its description (GitHub), or a {@code Launch size}, {@code Custom field (Launch size)} or
 * {@code Size} column (JIRA); its team from a {@code team:<name>} label, the {@code Team} column, or
 * the repository. Closed items and items without a date or a size are skipped, each with its reason.
 *
 * @param launches the launches read
 * @param skipped  what was not read, and why
 */
public record LaunchSource(List<Launch> launches, List<String> skipped) {

    private static final Pattern SIZE = Pattern.compile("(?im)^\\s*size\\s*[:=]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*$");
    private static final Pattern SIZE_LABEL = Pattern.compile("(?i)^size\\s*[:=]\\s*([0-9]+(?:\\.[0-9]+)?)$");
    private static final Pattern TEAM_LABEL = Pattern.compile("(?i)^team\\s*[:=]\\s*(.+)$");

    public LaunchSource {
        launches = List.copyOf(launches);
        skipped = List.copyOf(skipped);
    }

    /** Reads {@code file}, its days counted from {@code start}. */
    public static LaunchSource read(Path file, LocalDate start) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return github(file, start);
        }
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header != null && header.stream().anyMatch(h -> h.equalsIgnoreCase("Issue key"))) {
                return jira(file, start);
            }
        }
        return new LaunchSource(LaunchCalendarReader.read(file, start), List.of());
    }

    static LaunchSource github(Path file, LocalDate start) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.ofSource(file.toString(), "a GitHub REST API export (a JSON array of milestones "
                    + "or issues): " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (root == null || !root.isArray()) {
            throw new InvalidInputException(InputProblem.ofSource(file.toString(), "a JSON array of milestones or issues, as GitHub's "
                    + "REST API returns them"));
        }
        List<Launch> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String what = "item " + (i + 1) + " ('" + item.path("title").asText("") + "')";
            if ("closed".equals(item.path("state").asText())) {
                skipped.add(what + ": closed");
                continue;
            }
            boolean issue = !item.has("due_on");
            JsonNode dated = issue ? item.path("milestone") : item;
            String due = dated.path("due_on").asText("");
            if (due.isEmpty() || "null".equals(due)) {
                skipped.add(what + ": no due date" + (issue ? " (no milestone with one)" : ""));
                continue;
            }
            LocalDate date;
            try {
                date = OffsetDateTime.parse(due).toLocalDate();
            } catch (DateTimeParseException e) {
                skipped.add(what + ": due_on '" + due + "' is not an ISO date-time");
                continue;
            }
            Double size = null;
            String team = "";
            for (JsonNode label : item.path("labels")) {
                String l = label.isTextual() ? label.asText() : label.path("name").asText("");
                Matcher s = SIZE_LABEL.matcher(l.strip());
                Matcher t = TEAM_LABEL.matcher(l.strip());
                if (s.matches()) {
                    size = Double.parseDouble(s.group(1));
                } else if (t.matches()) {
                    team = t.group(1).strip();
                }
            }
            if (size == null) {
                Matcher s = SIZE.matcher(item.path(issue ? "body" : "description").asText(""));
                if (s.find()) {
                    size = Double.parseDouble(s.group(1));
                }
            }
            if (size == null || !(size > 0)) {
                skipped.add(what + ": no size (a size:<demand> label or a 'size: <demand>' line in its "
                        + (issue ? "body" : "description") + ")");
                continue;
            }
            if (team.isEmpty()) {
                team = repository(item.path("html_url").asText(""));
            }
            out.add(new Launch((int) ChronoUnit.DAYS.between(start, date), size, 0.5, 0.5, team));
        }
        return new LaunchSource(out, skipped);
    }

    /** {@code owner/repo} from an item's html_url, or empty. */
    private static String repository(String url) {
        Matcher m = Pattern.compile("github\\.com/([^/]+/[^/]+)/").matcher(url);
        return m.find() ? m.group(1) : "";
    }

    private static final List<DateTimeFormatter> JIRA_DATES = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dd/MMM/yy h:mm a").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dd/MMM/yy").toFormatter(Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));

    static LaunchSource jira(Path file, LocalDate start) {
        String source = file.toString();
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            int key = index(header, "Issue key");
            int summary = index(header, "Summary");
            int due = first(header, "Due Date", "Due date", "Custom field (Target end)", "Target end");
            int size = first(header, "Custom field (Launch size)", "Launch size", "Size");
            int team = first(header, "Custom field (Team)", "Team");
            int status = first(header, "Status");
            if (due < 0 || size < 0) {
                throw new InvalidInputException(new InputProblem(source, 1, due < 0 ? "Due Date" : "Launch size", String.join(",", header),
                        "a JIRA export with a Due Date column and a Launch size (or Custom field (Launch size), Size) column"));
            }
            List<Launch> out = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (List<String> f = lines.next(); f != null; f = lines.next()) {
                long line = lines.lineNumber();
                String what = source + " line " + line + " (" + (key >= 0 && key < f.size() ? f.get(key) : "?")
                        + (summary >= 0 && summary < f.size() ? " '" + f.get(summary) + "'" : "") + ")";
                if (f.size() < header.size()) {
                    throw new InvalidInputException(new InputProblem(source, line, "", f.size() + " fields", header.size() + " fields"));
                }
                if (status >= 0 && List.of("done", "closed", "resolved", "cancelled", "won't do").contains(f.get(status).toLowerCase(Locale.ROOT))) {
                    skipped.add(what + ": " + f.get(status));
                    continue;
                }
                if (f.get(due).isBlank()) {
                    skipped.add(what + ": no due date");
                    continue;
                }
                LocalDate date = jiraDate(f.get(due));
                if (date == null) {
                    throw new InvalidInputException(new InputProblem(source, line, header.get(due), f.get(due),
                            "a JIRA date such as 07/Dec/26 9:00 AM or 2026-12-07"));
                }
                double s;
                try {
                    s = Double.parseDouble(f.get(size));
                } catch (NumberFormatException e) {
                    s = Double.NaN;
                }
                if (!(s > 0)) {
                    skipped.add(what + ": no size in '" + header.get(size) + "'");
                    continue;
                }
                out.add(new Launch((int) ChronoUnit.DAYS.between(start, date), s, 0.5, 0.5, team >= 0 ? f.get(team) : ""));
            }
            return new LaunchSource(out, skipped);
        }
    }

    private static LocalDate jiraDate(String text) {
        for (DateTimeFormatter f : JIRA_DATES) {
            try {
                java.time.temporal.TemporalAccessor t = f.parseBest(text.strip(), LocalDateTime::from, LocalDate::from);
                return t instanceof LocalDateTime dt ? dt.toLocalDate() : (LocalDate) t;
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    private static int index(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int first(List<String> header, String... names) {
        for (String n : names) {
            int i = index(header, n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }
}
