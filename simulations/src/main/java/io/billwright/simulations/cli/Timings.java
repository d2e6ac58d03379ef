package io.billwright.simulations.cli;

import java.util.ArrayList;
import java.util.List;

/** How long each phase of a run took, for the last line of the summary. */
final class Timings {

    private final List<String> phases = new ArrayList<>();
    private final long start = System.nanoTime();
    private long last = start;

    /** Ends the phase now running, under this name. */
    void mark(String phase) {
        long now = System.nanoTime();
        phases.add(String.format("%s %.1f s", phase, (now - last) / 1e9));
        last = now;
    }

    @Override
    public String toString() {
        return String.format("%.1f s in all: %s", (last - start) / 1e9, String.join(", ", phases));
    }
}
