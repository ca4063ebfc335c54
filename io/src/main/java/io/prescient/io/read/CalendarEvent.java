package io.prescient.io.read;

/**
 * One entry of an event calendar: a campaign, release, holiday or incident.
 *
 * @param name its name (a calendar's summary)
 * @param kind what it is, grouping events whose effect is estimated together (the name when none is given)
 * @param from epoch seconds, inclusive
 * @param to   epoch seconds, exclusive, after {@code from}
 */
public record CalendarEvent(String name, String kind, long from, long to) {

    public CalendarEvent {
        if (to <= from) {
            throw new IllegalArgumentException("event '" + name + "' ends before it starts");
        }
    }
}
