package io.prescient.flink;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through, {@code pauseMillis} apart until this subtask hears of a completed checkpoint,
 * then at full speed. Right after a source it holds the stream back until a checkpoint exists: an
 * operator that emits many records from one call cannot take a checkpoint until they have drained
 * downstream, so a slow consumer further on may see no checkpoint complete while records flow.
 */
final class SlowUntilCheckpoint<T> extends RichMapFunction<T, T> implements CheckpointListener {

    private final long pauseMillis;
    private transient boolean checkpointed;

    SlowUntilCheckpoint(long pauseMillis) {
        this.pauseMillis = pauseMillis;
    }

    @Override
    public T map(T value) throws InterruptedException {
        if (!checkpointed) {
            Thread.sleep(pauseMillis);
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
