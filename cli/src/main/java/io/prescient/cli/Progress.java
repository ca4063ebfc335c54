package io.prescient.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.PrintStream;

/** A progress bar on standard error when a person is watching (a console), silent otherwise. */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress of(String task, long total, boolean interactive) {
        if (!interactive) {
            return new Progress(null);
        }
        PrintStream err = System.err;
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250).build());
    }

    void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
