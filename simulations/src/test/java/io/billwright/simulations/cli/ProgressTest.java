package io.billwright.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** Keeps what the bar renders. */
    private static final class Screen implements ProgressBarConsumer {
        final List<String> frames = new CopyOnWriteArrayList<>();

        @Override
        public int getMaxRenderedLength() {
            return 160;
        }

        @Override
        public void accept(String rendered) {
            frames.add(rendered);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readingFilesOfKnownSizeShowsThePercentageAndTheTimeLeft() throws Exception {
        Screen screen = new Screen();
        long size = 300L << 20;

        try (Progress reading = Progress.start("Reading", size, Progress.Unit.MEGABYTES, screen, 20)) {
            Thread.sleep(120);
            reading.stepTo(size / 4);
            Thread.sleep(120);
        }

        String quarter = screen.frames.stream().filter(frame -> frame.contains(" 25%")).findFirst().orElseThrow();
        // elapsed / estimated time left
        assertThat(quarter).containsPattern("^Reading +25% ").contains("75/300 MB")
                .containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)").doesNotContain("? %", "?%");
    }

    @Test
    void quietShowsNothing() {
        try (Progress quiet = Progress.start("Reading", 10, Progress.Unit.MEGABYTES, true)) {
            quiet.stepTo(5);
        }
    }
}
