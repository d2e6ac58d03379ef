package io.billwright.simulations.input;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line the simulator could not use, named the way an editor jumps to it.
 *
 * @param line 1-based; 0 when the problem is the file itself (missing, unreadable)
 */
public record InputProblem(Path file, long line, String message) {

    public InputProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
