package io.billwright.rules.scenario;

/** A scenario file that cannot be read; the message names the file, the line and the field. */
public class ScenarioFormatException extends RuntimeException {
    public ScenarioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
