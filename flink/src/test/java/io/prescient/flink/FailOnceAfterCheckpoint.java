package io.prescient.flink;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Passes records through, {@code pauseMillis} apart until the failure has happened (so that a checkpoint
 * completes while plans still flow, however slow the machine), and once in the job's life (a marker
 * file says whether it happened) throws after {@code after} records, but only when a checkpoint has
 * completed, so the restart restores state. Each subtask appends what it saw (records, checkpoints
 * completed, with milliseconds since its start) to {@code <marker>.trace}, for the test's message.
 */
final class FailOnceAfterCheckpoint<T> extends RichMapFunction<T, T> implements CheckpointListener {

    private final String marker;
    private final int after;
    private final long pauseMillis;
    private transient int seen;
    private transient boolean checkpointed;
    private transient long started;

    FailOnceAfterCheckpoint(Path marker, int after, long pauseMillis) {
        this.marker = marker.toString();
        this.after = after;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public T map(T value) throws IOException, InterruptedException {
        if (seen == 0) {
            started = System.nanoTime();
            trace("first record");
        }
        if (!Files.exists(Path.of(marker))) {
            // slow until the failure has happened: a checkpoint then completes while plans still flow, however slow the machine
            Thread.sleep(pauseMillis);
        }
        if (++seen >= after && checkpointed && !Files.exists(Path.of(marker))) {
            Files.writeString(Path.of(marker), "failed after " + seen + " records\n");
            throw new IllegalStateException("injected failure after " + seen + " records (the restart test)");
        }
        if (seen % 20 == 0) {
            trace(seen + " records");
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws IOException {
        checkpointed = true;
        trace("checkpoint " + checkpointId + " complete after " + seen + " records");
    }

    private void trace(String what) throws IOException {
        long ms = started == 0 ? -1 : (System.nanoTime() - started) / 1_000_000;
        Files.writeString(Path.of(marker + ".trace"), "subtask " + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()
                + " at " + ms + " ms: " + what + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
