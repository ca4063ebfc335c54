package io.prescient.io.ingest;

import io.prescient.core.grid.Repairs;
import io.prescient.core.store.SeriesStore;
import io.prescient.core.store.WriteOutcome;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.io.read.ReadResult;
import io.prescient.io.read.SeriesReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Reads files on {@code threads} worker threads and writes each file's series to the store as one
 * atomic write, in file order, on the calling thread. At most {@code 2 * threads} parsed files wait in
 * memory at once, so heap use does not grow with the number of files. A rejected file is reported
 * and skipped (nothing of it is stored); the others go on, unless {@code failFast}.
 */
public final class Ingestor {

    private final SeriesStore store;
    private final SeriesReader reader;
    private final int threads;
    private final boolean failFast;
    private final boolean replace;

    public Ingestor(SeriesStore store, SeriesReader reader, int threads, boolean failFast) {
        this(store, reader, threads, failFast, false);
    }

    /** @param replace whether a file may replace a stored series with one covering less time (else that file is rejected) */
    public Ingestor(SeriesStore store, SeriesReader reader, int threads, boolean failFast, boolean replace) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.store = store;
        this.reader = reader;
        this.threads = threads;
        this.failFast = failFast;
        this.replace = replace;
    }

    /**
     * Ingests the files.
     *
     * @param progress told the number of files done after each file
     */
    public IngestReport ingest(List<Path> files, IntConsumer progress) {
        long started = System.nanoTime();
        List<InputProblem> rejected = new ArrayList<>();
        WriteOutcome written = WriteOutcome.NOTHING;
        Repairs repairs = Repairs.NONE;
        long rows = 0;
        int stored = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "prescient-ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ReadResult>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < files.size(); done++) {
                while (next < files.size() && inFlight.size() < 2 * threads) {
                    Path file = files.get(next++);
                    inFlight.add(pool.submit(() -> reader.read(file)));
                }
                try {
                    ReadResult result = await(inFlight.removeFirst());
                    written = written.plus(store.write(result.series(), result.source(), replace));
                    repairs = repairs.plus(result.repairs());
                    rows += result.rows();
                    stored++;
                } catch (InvalidInputException e) {
                    rejected.add(e.problem());
                    if (failFast) {
                        break;
                    }
                }
                progress.accept(done + 1);
            }
        } finally {
            pool.shutdownNow();
        }
        return new IngestReport(stored, rejected, rows, written, repairs, Duration.ofNanos(System.nanoTime() - started));
    }

    private static ReadResult await(Future<ReadResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
