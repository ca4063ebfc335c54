/**
 * Turning raw, irregular observations (timestamp and values, in file order) into series on a regular
 * grid, under explicit rules for the defects real data has: unsorted rows, duplicates, jittered
 * timestamps and gaps. Each rule either rejects the input with a located error or repairs it and
 * counts the repair.
 */
package io.prescient.core.grid;
