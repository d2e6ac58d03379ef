package io.billwright.simulations.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal's error stream, or nothing when quiet. Safe to step from several threads. */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total the amount of work, or -1 when unknown (the bar then counts) */
    static Progress start(String task, long total, boolean quiet) {
        if (quiet) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" events", 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .continuousUpdate().build();
        return new Progress(bar);
    }

    synchronized void stepTo(long done) {
        if (bar != null && done > bar.getCurrent()) {
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
