package io.billwright.simulations.cli;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal's error stream, or nothing when quiet: with the amount of work known, it shows the
 * percentage done and an estimate of the time left. Safe to step from several threads.
 */
final class Progress implements AutoCloseable {

    /** What a bar counts, and how it shows it. */
    enum Unit {
        EVENTS(" events", 1),
        /** Bytes, shown in MiB: reading files whose sizes are known. */
        MEGABYTES(" MB", 1 << 20);

        private final String name;
        private final long size;

        Unit(String name, long size) {
            this.name = name;
            this.size = size;
        }
    }

    private static final int UPDATE_MILLIS = 1_000;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total the amount of work in {@code unit}'s steps (bytes, events), or -1 when unknown (the bar then counts) */
    static Progress start(String task, long total, Unit unit, boolean quiet) {
        return quiet ? new Progress(null)
                : start(task, total, unit, new ConsoleProgressBarConsumer(System.err), UPDATE_MILLIS);
    }

    /** A bar that renders to {@code consumer} every {@code updateMillis}. */
    static Progress start(String task, long total, Unit unit, ProgressBarConsumer consumer, int updateMillis) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(unit.name, unit.size)
                .showSpeed(new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setConsumer(consumer).setUpdateIntervalMillis(updateMillis)
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
