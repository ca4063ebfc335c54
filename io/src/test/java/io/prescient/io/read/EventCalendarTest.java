package io.prescient.io.read;

import io.prescient.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventCalendarTest {

    @TempDir
    Path dir;

    private static long at(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    @Test
    void readsICalendarEventsWithFoldedLinesZonesAndAllDayDates() throws IOException {
        Path file = dir.resolve("marketing.ics");
        Files.writeString(file, """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                BEGIN:VEVENT\r
                SUMMARY:Spring sale\\, week 1\r
                CATEGORIES:campaign,marketing\r
                DTSTART:20130805T080000Z\r
                DTEND:20130805T200000Z\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                SUMMARY:Launch of a very long\r
                  name\r
                DTSTART;TZID=Europe/Amsterdam:20130812T100000\r
                DURATION:PT6H\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                SUMMARY:Assumption Day\r
                DTSTART;VALUE=DATE:20130815\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
        List<CalendarEvent> events = EventCalendar.read(file);
        assertEquals(new CalendarEvent("Spring sale, week 1", "campaign", at("2013-08-05T08:00:00Z"), at("2013-08-05T20:00:00Z")),
                events.get(0));
        assertEquals(new CalendarEvent("Launch of a very long name", "Launch of a very long name", at("2013-08-12T08:00:00Z"),
                at("2013-08-12T14:00:00Z")), events.get(1));
        assertEquals(new CalendarEvent("Assumption Day", "Assumption Day", at("2013-08-15T00:00:00Z"), at("2013-08-16T00:00:00Z")),
                events.get(2));
    }

    @Test
    void readsCsvCalendarsByHeaderName() throws IOException {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, "\uFEFFkind, start ,end,name\ncampaign,2013-08-05T08:00:00Z,2013-08-05T20:00:00Z,sale 1\n"
                + ",1376294400,1376316000,release\n");
        List<CalendarEvent> events = EventCalendar.read(file);
        assertEquals(new CalendarEvent("sale 1", "campaign", at("2013-08-05T08:00:00Z"), at("2013-08-05T20:00:00Z")), events.get(0));
        assertEquals(new CalendarEvent("release", "release", 1376294400, 1376316000), events.get(1));
    }

    @Test
    void errorsNameTheFileLineAndField() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "name,from,to\nsale,2013-08-05T08:00:00Z,2013-08-05T07:00:00Z\n");
        assertEquals(csv + " line 2, field 'to': found '2013-08-05T07:00:00Z', expected a time after from 2013-08-05T08:00:00Z",
                assertThrows(InvalidInputException.class, () -> EventCalendar.read(csv)).getMessage());
        Path ics = dir.resolve("bad.ics");
        Files.writeString(ics, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART:2013-08-05\nDTEND:20130806\nEND:VEVENT\n");
        assertEquals(ics + " line 4: found '2013-08-05', expected an iCalendar date (20130812), UTC time (20130812T020000Z) or local time"
                        + " with a known TZID",
                assertThrows(InvalidInputException.class, () -> EventCalendar.read(ics)).getMessage());
        Path open = dir.resolve("open.ics");
        Files.writeString(open, "BEGIN:VEVENT\nSUMMARY:x\nDTSTART:20130805T080000Z\n");
        assertEquals(open + " line 1, field 'BEGIN:VEVENT': expected an END:VEVENT for this event",
                assertThrows(InvalidInputException.class, () -> EventCalendar.read(open)).getMessage());
    }
}
