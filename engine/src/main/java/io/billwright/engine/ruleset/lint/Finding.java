package io.billwright.engine.ruleset.lint;

import java.util.Objects;

/**
 * One problem in a rule set, where an analyst finds it: {@code file:line: severity: message}. Line 0 means
 * the whole file (or the whole rule set when {@code file} is null).
 */
public record Finding(String file, int line, Severity severity, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String file, int line, String message) {
        return new Finding(file, line, Severity.ERROR, message);
    }

    public static Finding warning(String file, int line, String message) {
        return new Finding(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (file == null ? "<rule set>" : file) + ":" + line + ": " + severity + ": " + message;
    }
}
