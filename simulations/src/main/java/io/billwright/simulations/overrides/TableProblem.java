package io.billwright.simulations.overrides;

import java.nio.file.Path;

/** A parameter table that cannot be used, named by file, line and, where it applies, column. */
public final class TableProblem extends RuntimeException {

    public TableProblem(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
