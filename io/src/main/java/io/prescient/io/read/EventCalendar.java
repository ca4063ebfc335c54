package io.prescient.io.read;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an event calendar: an iCalendar file ({@code .ics}: each {@code VEVENT}'s {@code SUMMARY},
 * {@code CATEGORIES}, {@code DTSTART} and {@code DTEND} or {@code DURATION}; UTC, {@code TZID} and
 * all-day dates) or a CSV with a header naming {@code name}, {@code from} ({@code start}), {@code to}
 * ({@code end}) and optionally {@code kind} ({@code category}); times as ISO-8601 or Unix seconds.
 * Every error names the file, the line and the field.
 */
public final class EventCalendar {

    private static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

    private EventCalendar() {
    }

    /** The events of {@code file}, in file order. */
    public static List<CalendarEvent> read(Path file) {
        List<CalendarEvent> events = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ics") ? ics(file) : csv(file);
        if (events.isEmpty()) {
            throw new InvalidInputException(InputProblem.ofSource(file.toString(), "at least one event"));
        }
        return events;
    }

    private static List<CalendarEvent> csv(Path file) {
        String source = file.toString();
        FieldParser parser = new FieldParser(source, FieldParser.TimeUnitMode.AUTO);
        List<CalendarEvent> events = new ArrayList<>();
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header line: name,kind,from,to"));
            }
            int name = column(header, source, true, "name", "summary", "event");
            int kind = column(header, source, false, "kind", "category", "type");
            int from = column(header, source, true, "from", "start");
            int to = column(header, source, true, "to", "end");
            for (List<String> row = lines.next(); row != null; row = lines.next()) {
                long line = lines.lineNumber();
                parser.requireWidth(row, header.size(), line);
                String n = row.get(name);
                if (n.isEmpty()) {
                    throw new InvalidInputException(new InputProblem(source, line, header.get(name), "", "the event's name"));
                }
                long start = parser.epochSeconds(row.get(from), line, header.get(from));
                long end = parser.epochSeconds(row.get(to), line, header.get(to));
                if (end <= start) {
                    throw new InvalidInputException(new InputProblem(source, line, header.get(to), row.get(to),
                            "a time after " + header.get(from) + " " + row.get(from)));
                }
                String k = kind < 0 || row.get(kind).isEmpty() ? n : row.get(kind);
                events.add(new CalendarEvent(n, k, start, end));
            }
        }
        return events;
    }

    private static int column(List<String> header, String source, boolean required, String... names) {
        for (int i = 0; i < header.size(); i++) {
            for (String n : names) {
                if (header.get(i).equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        if (required) {
            throw new InvalidInputException(new InputProblem(source, 1, "", String.join(",", header),
                    "a column named " + String.join(" or ", names)));
        }
        return -1;
    }

    private static List<CalendarEvent> ics(Path file) {
        String source = file.toString();
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.ofSource(source, "a readable UTF-8 file (" + e.getMessage() + ")"), e);
        }
        List<CalendarEvent> events = new ArrayList<>();
        Map<String, String[]> event = null;
        long began = 0;
        int index = 0;
        while (index < raw.size()) {
            long line = index + 1;
            StringBuilder content = new StringBuilder(raw.get(index++));
            while (index < raw.size() && (raw.get(index).startsWith(" ") || raw.get(index).startsWith("\t"))) {
                content.append(raw.get(index++), 1, raw.get(index - 1).length());
            }
            String text = content.toString().replace("\uFEFF", "");
            if (text.isBlank()) {
                continue;
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new InvalidInputException(new InputProblem(source, line, "", text, "an iCalendar content line NAME[;PARAM=...]:VALUE"));
            }
            String[] head = text.substring(0, colon).split(";");
            String property = head[0].toUpperCase(Locale.ROOT);
            String value = text.substring(colon + 1);
            if (property.equals("BEGIN") && value.equalsIgnoreCase("VEVENT")) {
                event = new LinkedHashMap<>();
                began = line;
            } else if (property.equals("END") && value.equalsIgnoreCase("VEVENT") && event != null) {
                events.add(vevent(source, began, event));
                event = null;
            } else if (event != null) {
                event.put(property, new String[] {String.join(";", java.util.Arrays.copyOfRange(head, 1, head.length)), value,
                        String.valueOf(line)});
            }
        }
        if (event != null) {
            throw new InvalidInputException(new InputProblem(source, began, "BEGIN:VEVENT", "", "an END:VEVENT for this event"));
        }
        return events;
    }

    private static CalendarEvent vevent(String source, long began, Map<String, String[]> e) {
        String[] summary = e.get("SUMMARY");
        if (summary == null || summary[1].isBlank()) {
            throw new InvalidInputException(new InputProblem(source, began, "SUMMARY", "", "the event's name"));
        }
        String name = unescape(summary[1]);
        String[] start = e.get("DTSTART");
        if (start == null) {
            throw new InvalidInputException(new InputProblem(source, began, "DTSTART", "", "the event's start"));
        }
        boolean allDay = start[0].toUpperCase(Locale.ROOT).contains("VALUE=DATE") || start[1].length() == 8;
        long from = time(source, start);
        long to;
        if (e.containsKey("DTEND")) {
            to = time(source, e.get("DTEND"));
        } else if (e.containsKey("DURATION")) {
            to = from + duration(source, e.get("DURATION"));
        } else if (allDay) {
            to = from + 86_400;
        } else {
            throw new InvalidInputException(new InputProblem(source, began, "DTEND", "", "an end (DTEND or DURATION) for a timed event"));
        }
        if (to <= from) {
            String[] end = e.containsKey("DTEND") ? e.get("DTEND") : e.get("DURATION");
            throw new InvalidInputException(new InputProblem(source, Long.parseLong(end[2]), e.containsKey("DTEND") ? "DTEND" : "DURATION",
                    end[1], "an end after DTSTART " + start[1]));
        }
        String[] categories = e.get("CATEGORIES");
        String kind = categories == null || categories[1].isBlank() ? name : unescape(categories[1].split(",")[0]).strip();
        return new CalendarEvent(name, kind, from, to);
    }

    private static long time(String source, String[] property) {
        String params = property[0];
        String value = property[1].strip();
        try {
            if (value.length() == 8) {
                return LocalDate.parse(value, ICS_DATE).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            if (value.endsWith("Z")) {
                return LocalDateTime.parse(value.substring(0, value.length() - 1), ICS_TIME).toEpochSecond(ZoneOffset.UTC);
            }
            ZoneId zone = ZoneOffset.UTC;
            for (String p : params.split(";")) {
                if (p.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
                    zone = ZoneId.of(p.substring(5).replace("\"", ""));
                }
            }
            return LocalDateTime.parse(value, ICS_TIME).atZone(zone).toEpochSecond();
        } catch (DateTimeException bad) {
            throw new InvalidInputException(new InputProblem(source, Long.parseLong(property[2]), "", value,
                    "an iCalendar date (20130812), UTC time (20130812T020000Z) or local time with a known TZID"));
        }
    }

    private static long duration(String source, String[] property) {
        String value = property[1].strip();
        try {
            if (value.matches("P\\d+W")) {
                return Long.parseLong(value.substring(1, value.length() - 1)) * 7 * 86_400;
            }
            return Duration.parse(value).getSeconds();
        } catch (DateTimeParseException bad) {
            throw new InvalidInputException(new InputProblem(source, Long.parseLong(property[2]), "DURATION", value,
                    "an iCalendar duration such as PT2H, P1D or P1W"));
        }
    }

    private static String unescape(String text) {
        return text.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }
}
