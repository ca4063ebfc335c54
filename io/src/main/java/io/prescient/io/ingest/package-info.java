/**
 * Ingestion: reading many files in parallel and writing each, atomically and in order, to a store,
 * with a report of what was written, repaired and rejected.
 */
package io.prescient.io.ingest;
