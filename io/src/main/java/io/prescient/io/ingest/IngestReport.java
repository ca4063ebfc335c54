package io.prescient.io.ingest;

import io.prescient.core.grid.Repairs;
import io.prescient.core.store.WriteOutcome;
import io.prescient.core.validation.InputProblem;

import java.time.Duration;
import java.util.List;

/**
 * What an ingest did.
 *
 * @param files    files read and stored
 * @param rejected problems of the files that were rejected (nothing of them was stored)
 * @param rows     data rows read from the stored files
 * @param written  series added, replaced and unchanged, and points written
 * @param repairs  repairs made to the stored files
 * @param elapsed  wall time
 */
public record IngestReport(int files, List<InputProblem> rejected, long rows, WriteOutcome written, Repairs repairs,
                           Duration elapsed) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    public boolean allStored() {
        return rejected.isEmpty();
    }
}
