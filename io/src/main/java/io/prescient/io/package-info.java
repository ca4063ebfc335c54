/**
 * Prescient's connections to the outside: readers for real data formats, ingestion into a store,
 * and the store implementations behind {@link io.prescient.core.store.SeriesStore}.
 */
package io.prescient.io;
