/**
 * Readers for the data formats Prescient ingests (generic CSV, NAB, GWA-T-12 Bitbrains, the Alibaba
 * GenAI trace) and for event calendars (CSV or iCalendar). Each reads
 * one file line by line into compact arrays, validates every field with a located error, and places
 * the rows on a regular grid under the format's documented rules.
 */
package io.prescient.io.read;
