package io.prescient.core.store;

import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesKey;

import java.util.List;
import java.util.Optional;

/**
 * A place that keeps series. Writes are atomic per call: either every series given to
 * {@link #write} is stored, or (on any failure) none is and what was stored before stays as it was.
 * Writing a series that is already stored with the same values changes nothing, so ingesting the
 * same data twice is idempotent.
 */
public interface SeriesStore extends AutoCloseable {

    /**
     * Stores every series, replacing any stored under the same key, in one transaction; a series that
     * would cover less time than the one stored under its key (a truncated re-ingest) is refused
     * unless {@code replace}.
     *
     * @param series  the series, at most one per key
     * @param source  where they came from, kept with each series
     * @param replace whether a series may replace a stored one that covers more
     * @throws StoreException if the write fails; nothing is then changed
     * @throws io.prescient.core.validation.InvalidInputException naming the source and series when a series would
     *                                                           shrink a stored one; nothing is then changed
     */
    WriteOutcome write(List<RegularSeries> series, String source, boolean replace);

    /** {@link #write(List, String, boolean)} refusing to shrink a stored series. */
    default WriteOutcome write(List<RegularSeries> series, String source) {
        return write(series, source, false);
    }

    /** Every stored series, ordered by key. */
    List<StoredSeries> list();

    /** The stored series of one dataset, ordered by key. */
    List<StoredSeries> list(String dataset);

    /** The stored description of one series. */
    Optional<StoredSeries> find(SeriesKey key);

    /**
     * The series' values on its own grid.
     *
     * @throws StoreException if no series has that key
     */
    RegularSeries load(SeriesKey key);

    /** Dataset names, sorted. */
    List<String> datasets();

    /** The model registry kept in the same store. */
    ModelRegistry models();

    /** The planning loop's journal kept in this store. */
    PlanningJournal journal();

    /** Where the store lives, for messages (a file path or a connection URL without secrets). */
    String location();

    @Override
    void close();
}
